// Marks the same point the popup marks, so test/bench/popup.mjs can show what any extension page costs.
performance.mark('first-render');
