// English explanations for the Chromium net errors of the `tls` stage: the browser reached the
// server, but could not set up the secure (encrypted and verified) connection on top of it.
import type { Explanation } from '../../types';

export const tlsErrors: Readonly<Record<string, Explanation>> = {
  // --- The handshake itself: versions, ciphers, protocol messages ---
  SSL_PROTOCOL_ERROR: {
    title: 'The secure connection could not be set up',
    side: 'site',
    what: 'The browser reached the server and started the secure handshake (the exchange that agrees on encryption before any page is sent), but the server answered with something that does not follow the rules, or broke off midway. No request was sent yet.',
    visitor: [
      'Reload the page once; a short glitch on the server can cause this.',
      'If you use antivirus "HTTPS scanning", a VPN or a company network, try without it or on another network; these sometimes interfere with secure connections.',
      'If it keeps happening everywhere, tell the site; the fault is most likely in its server setup.',
    ],
    owner: [
      'Run "openssl s_client -connect host:443 -servername host" and an online TLS checker to see where the handshake fails.',
      'Make sure port 443 really speaks TLS: a plain-HTTP listener on 443, or a proxy forwarding raw HTTP there, produces exactly this.',
      'Check the web server or load balancer error log at the failure time, and the TLS settings (protocols, ciphers, certificate and key files) for a recent change.',
    ],
    source: 'Chromium',
  },
  SSL_CLIENT_AUTH_CERT_NEEDED: {
    title: 'The site asks for a personal certificate',
    side: 'site',
    what: 'During the secure handshake the server asked the browser to prove who you are with a client certificate (a digital ID installed on your device or smart card), and none was provided. Sites used by companies, banks or governments often work this way.',
    visitor: [
      'If you were given a certificate or smart card for this site, install it or insert the card, then reload and pick it when the browser asks.',
      'If you never had such a certificate, this site or page is probably meant only for certain users; ask the organisation running it how to get access.',
      'If you picked "cancel" in a certificate prompt earlier, restart the browser so it asks again.',
    ],
    owner: [
      'Check whether this address is supposed to require client certificates ("ssl_verify_client on" in nginx, "SSLVerifyClient require" in Apache); use "optional" if only some paths need it.',
      'Make sure the list of accepted certificate authorities the server sends matches the CA that issued your users\' certificates.',
      'Document for users how to obtain and install their certificate.',
    ],
    source: 'Chromium',
  },
  NO_SSL_VERSIONS_ENABLED: {
    title: 'The browser has every secure protocol version turned off',
    side: 'browser',
    what: 'The browser could not even start a secure handshake, because its own settings allow no version of TLS (the protocol behind https) to be used. This is a setting on your device, not a problem with the site.',
    visitor: [
      'Check whether a company policy, a command-line flag or a settings tool changed the allowed TLS versions in your browser, and put it back to the default.',
      'Try another browser to confirm the site works; if it does, reset this browser\'s settings.',
      'On a managed (work or school) computer, ask your IT department; the setting is probably controlled by them.',
    ],
    owner: [
      'Nothing is wrong with the site for this error; the visitor\'s browser is misconfigured.',
      'If many users of one organisation report it, a managed browser policy (such as a minimum or maximum TLS version) is probably set to an impossible range.',
    ],
    source: 'Chromium',
  },
  SSL_VERSION_OR_CIPHER_MISMATCH: {
    title: 'The browser and the server share no security settings',
    side: 'site',
    what: 'The browser offered the versions of TLS and the encryption methods (cipher suites) it accepts, and the server found none it also supports, so there is no common way to talk securely. Usually the server only allows old, retired settings, or has no usable certificate for this name.',
    visitor: [
      'There is nothing safe you can change on your side; do not look for ways to re-enable old security settings.',
      'Tell the site owner that its secure connection uses outdated settings.',
      'If the site belongs to an old device (a router, printer or camera), check for a firmware update for that device.',
    ],
    owner: [
      'Enable TLS 1.2 and TLS 1.3 with modern cipher suites (ECDHE with AES-GCM or ChaCha20); browsers no longer accept SSLv3, TLS 1.0/1.1, RC4 or 3DES.',
      'Check that a certificate and key are actually configured for this hostname; some servers fail this way when the name has no certificate at all.',
      'Test with "nmap --script ssl-enum-ciphers -p 443 host" or an online TLS checker to see what the server offers.',
    ],
    source: 'Chromium',
  },
  SSL_RENEGOTIATION_REQUESTED: {
    title: 'The server tried to restart the secure handshake',
    side: 'site',
    what: 'The secure connection was set up, but the server then asked to renegotiate it (redo the handshake midway), which the browser does not allow in this situation. Servers do this mostly to ask for a client certificate only on some paths.',
    visitor: [
      'Reload the page; if it happens again, there is nothing you can change on your side.',
      'Tell the site owner which page showed the problem.',
    ],
    owner: [
      'Avoid per-directory client-certificate or cipher changes that force renegotiation (for example an Apache "SSLVerifyClient" inside a Location block); set them for the whole virtual host instead.',
      'Prefer TLS 1.3 and, for optional client certificates, a separate hostname that always asks for them.',
      'Check the server\'s TLS log around the failure for renegotiation attempts.',
    ],
    source: 'Chromium',
  },
  BAD_SSL_CLIENT_AUTH_CERT: {
    title: 'The site did not accept your personal certificate',
    side: 'browser',
    what: 'The server asked for a client certificate (a digital ID on your device or smart card), the browser sent one, and the server rejected it. It may be expired, revoked, issued by an authority the site does not trust, or simply the wrong one.',
    visitor: [
      'Restart the browser and, when it asks, choose a different certificate if you have more than one.',
      'Check that your certificate has not expired (in your system\'s certificate manager or smart card tool).',
      'Ask the organisation that issued your certificate, or the site\'s support, whether it is still valid for this site.',
    ],
    owner: [
      'Read the server\'s TLS log for the reason it rejected the certificate (unknown CA, expired, revoked, failed chain).',
      'Check the list of trusted client CAs on the server (ssl_client_certificate in nginx, SSLCACertificateFile in Apache) and the chain depth setting.',
      'If you check revocation, make sure the CRL or OCSP responder the server uses is reachable and up to date.',
    ],
    source: 'Chromium',
  },
  ALPN_NEGOTIATION_FAILED: {
    title: 'Browser and server could not agree on the HTTP version',
    side: 'site',
    what: 'During the secure handshake the browser and server also choose which web protocol (HTTP/1.1, HTTP/2 or HTTP/3) to use on the connection. That choice failed: the server picked none or one the browser did not offer.',
    visitor: [
      'Reload the page; if it fails again, the problem is with the site\'s server.',
      'If you use a VPN, proxy or antivirus that inspects secure traffic, try without it.',
      'Tell the site owner if it lasts.',
    ],
    owner: [
      'Check the ALPN settings of the server or load balancer: it should offer "h2" and/or "http/1.1" and pick one the client listed.',
      'Test with "openssl s_client -connect host:443 -servername host -alpn h2,http/1.1" and look at the "ALPN protocol" line.',
      'If a TLS-terminating proxy sits in front, check that it and the backend agree on the protocols.',
    ],
    source: 'Chromium',
  },
  SSL_NO_RENEGOTIATION: {
    title: 'The server refused to renegotiate the secure connection',
    side: 'site',
    what: 'While setting up or adjusting the secure connection, a renegotiation (a second handshake) was needed, and the server answered that it does not do renegotiation. The two ends could not continue.',
    visitor: [
      'Reload the page; if it keeps failing, nothing on your side can change it.',
      'Tell the site owner which page caused it.',
    ],
    owner: [
      'Look for configuration that triggers renegotiation (client certificates or cipher changes for only some paths) and move it to the whole host or a separate hostname.',
      'Check that the load balancer and the backend agree on TLS settings if TLS passes through both.',
      'Enable TLS 1.3, which replaces renegotiation with cleaner mechanisms.',
    ],
    source: 'Chromium',
  },
  SSL_DECOMPRESSION_FAILURE_ALERT: {
    title: 'The server could not unpack the secure data',
    side: 'site',
    what: 'The server sent a "decompression failure" alert during the secure connection, meaning it could not decompress data it received at the TLS layer. Modern browsers never compress TLS data, so this almost always points to a bug in the server\'s TLS software.',
    visitor: [
      'Reload the page once; if it fails again, the fault is on the site\'s server.',
      'Tell the site owner about the error.',
    ],
    owner: [
      'Update the TLS library and web server (OpenSSL, the load balancer firmware, the appliance software); TLS-level compression is obsolete and should be disabled.',
      'Capture the handshake with "openssl s_client" or Wireshark to see which message triggers the alert.',
      'If an appliance (WAF, load balancer) terminates TLS, check its logs and firmware version.',
    ],
    source: 'Chromium',
  },
  SSL_BAD_RECORD_MAC_ALERT: {
    title: 'Secure data arrived damaged at the server',
    side: 'network',
    what: 'The server reported that a piece of the encrypted data it received failed its integrity check (the "MAC", a seal that proves the data was not altered). Either the data was changed on the way, for example by faulty network equipment, or the server\'s TLS software is buggy.',
    visitor: [
      'Reload the page; a one-off glitch on the network can cause this.',
      'If it repeats, try another network (mobile data instead of Wi-Fi) or turn off VPN or antivirus web scanning.',
      'If it happens everywhere, tell the site owner.',
    ],
    owner: [
      'Check network equipment between clients and the TLS terminator (load balancers, WAFs, NICs with TLS or checksum offload) for bugs and firmware updates.',
      'Update the TLS library and server software; some old implementations miscompute the MAC for certain cipher suites.',
      'Compare failures across client networks: if only one network sees it, the damage happens there.',
    ],
    source: 'Chromium',
  },
  // --- Client certificates: the personal ID the browser shows the server ---
  SSL_CLIENT_AUTH_PRIVATE_KEY_ACCESS_DENIED: {
    title: 'The browser was not allowed to use your certificate\'s key',
    side: 'browser',
    what: 'The site asked for a client certificate, and the browser chose one, but the operating system or the smart card refused to let it use the secret key that goes with it. Without that key the browser cannot prove the certificate is yours.',
    visitor: [
      'Reload and, if your system asks for permission or a PIN for the certificate, allow it.',
      'If you use a smart card or token, check it is inserted and unlocked, then try again.',
      'On a work computer, ask your IT department: a policy may block the browser from using that key.',
    ],
    owner: [
      'This usually comes from the visitor\'s device (keychain access rules, smart card middleware, permissions on the key store).',
      'In your support guide, explain how to grant the browser access to the certificate key on each operating system.',
    ],
    source: 'Chromium',
  },
  SSL_CLIENT_AUTH_CERT_NO_PRIVATE_KEY: {
    title: 'Your certificate is missing its secret key',
    side: 'browser',
    what: 'The site asked for a client certificate and one was selected, but the secret key that must go with it is not on this device. A certificate alone, without its key, cannot be used to prove who you are.',
    visitor: [
      'Reinstall the certificate from the original file that includes the key (often a .p12 or .pfx file protected by a password).',
      'If the certificate lives on a smart card or token, insert it and make sure its software is installed.',
      'Ask whoever issued the certificate for a new copy if you no longer have the file.',
    ],
    owner: [
      'Give users their certificate as a PKCS#12 (.p12/.pfx) file that contains both the certificate and its private key, with clear install steps.',
      'If certificates are issued through an enrolment portal, check that the key is generated and stored on the user\'s device.',
    ],
    source: 'Chromium',
  },
  SSL_CLIENT_AUTH_SIGNATURE_FAILED: {
    title: 'Your certificate could not sign the handshake',
    side: 'browser',
    what: 'To prove it holds your client certificate, the browser has to sign part of the handshake with the certificate\'s secret key. That signing step failed on your device, often because a smart card, token or key store returned an error.',
    visitor: [
      'Remove and reinsert your smart card or token, enter the PIN if asked, then reload.',
      'Restart the browser; if that does not help, restart the computer so the card software starts fresh.',
      'If it keeps failing, ask your IT department or the certificate issuer; the card driver or middleware may need an update.',
    ],
    owner: [
      'This happens on the visitor\'s device, not the server; collect the operating system, browser and smart card model from affected users.',
      'Check whether the server requires a signature algorithm the users\' cards cannot produce (for example RSA-PSS on older cards) and allow a compatible one.',
    ],
    source: 'Chromium',
  },
  CLIENT_AUTH_CERT_TYPE_UNSUPPORTED: {
    title: 'The site asked for a kind of certificate the browser cannot give',
    side: 'site',
    what: 'The server asked for a client certificate, but only of a type (key kind) the browser does not support, so the browser could not answer the request.',
    visitor: [
      'There is nothing you can change on your side; tell the site or your IT department about the error.',
      'If you have several certificates, try again and choose another one when asked.',
    ],
    owner: [
      'Check the certificate types and signature algorithms your server requests during client authentication, and accept common ones (RSA and ECDSA).',
      'Update the server\'s TLS library; very old versions send certificate-type lists modern browsers do not handle.',
    ],
    source: 'Chromium',
  },
  SSL_CLIENT_AUTH_CERT_BAD_FORMAT: {
    title: 'Your personal certificate could not be read',
    side: 'browser',
    what: 'The site asked for a client certificate, but the certificate selected on your device is damaged or in a format the browser cannot understand, so it could not be sent.',
    visitor: [
      'Remove the certificate from your system\'s certificate manager and install it again from the original file.',
      'Ask the issuer for a fresh copy if the problem remains.',
    ],
    owner: [
      'Check how certificates are issued and delivered to users: they should be standard X.509 certificates, usually in a PKCS#12 bundle.',
      'If only some users are affected, compare their certificates with a working one ("openssl x509 -in cert.pem -text -noout").',
    ],
    source: 'Chromium',
  },
  SSL_CLIENT_AUTH_NO_COMMON_ALGORITHMS: {
    title: 'Your certificate and the site have no signing method in common',
    side: 'site',
    what: 'The site asked for a client certificate, but the key in the certificate you chose cannot produce any of the signature types the server is willing to accept, so it could not be used.',
    visitor: [
      'If you have another certificate for this site, restart the browser and choose it.',
      'Otherwise tell the site or your IT department; the site\'s settings and your certificate do not match.',
    ],
    owner: [
      'Compare the signature algorithms the server accepts with the key types of your users\' certificates (RSA PKCS#1, RSA-PSS, ECDSA curves).',
      'Smart cards often cannot do RSA-PSS, which TLS 1.3 requires; allow TLS 1.2 with PKCS#1 for these clients, or reissue compatible keys.',
    ],
    source: 'Chromium',
  },
  // --- Proxies, middleboxes and integrity checks ---
  PROXY_CERTIFICATE_INVALID: {
    title: 'The proxy\'s own certificate is not valid',
    side: 'network',
    what: 'Your browser is set to reach the web through a secure (HTTPS) proxy, and that proxy\'s certificate failed the checks, so the browser would not trust it with your traffic. The site itself was never contacted.',
    visitor: [
      'If you did not choose to use a proxy, check your system or browser proxy settings; unknown proxies can be a sign of unwanted software.',
      'On a work or school network, tell the IT department; their proxy certificate probably expired or does not match the proxy\'s name.',
      'Try another network to reach the site in the meantime.',
    ],
    owner: [
      'Nothing is wrong with the site; the visitor\'s proxy is at fault.',
      'If you run that proxy: renew its certificate, make sure it names the proxy\'s hostname and includes the intermediate certificates.',
    ],
    source: 'Chromium',
  },
  SSL_HANDSHAKE_NOT_COMPLETED: {
    title: 'The secure handshake did not finish',
    side: 'site',
    what: 'The secure handshake between the browser and the server started but never completed, so the encrypted connection was not ready when the browser needed to use it.',
    visitor: [
      'Reload the page; this is often temporary.',
      'If it repeats, try another network or turn off a VPN or antivirus web scanning.',
      'If nothing helps, tell the site owner.',
    ],
    owner: [
      'Check the TLS terminator (web server, load balancer, CDN) for handshake timeouts, aborted handshakes or resource limits in its logs.',
      'Test the handshake repeatedly with "openssl s_client -connect host:443 -servername host" to catch intermittent failures.',
      'Check for firewalls or DDoS protection that cut connections during the handshake.',
    ],
    source: 'Chromium',
  },
  SSL_BAD_PEER_PUBLIC_KEY: {
    title: 'The server offered an unusable encryption key',
    side: 'site',
    what: 'During the secure handshake the server sent a public key (the piece used to agree on the encryption) that is invalid or too weak to use, so the browser stopped.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'If this is an old device on your network (router, printer, camera), look for a firmware update for it.',
    ],
    owner: [
      'Check the key exchange settings: disable plain Diffie-Hellman with short parameters and prefer ECDHE (X25519, P-256).',
      'Check that the certificate\'s key is RSA 2048 bits or more, or a standard ECDSA curve.',
      'Update the TLS library; some old versions send malformed key shares.',
    ],
    source: 'Chromium',
  },
  SSL_DECRYPT_ERROR_ALERT: {
    title: 'The server could not verify the handshake',
    side: 'site',
    what: 'The server sent a "decrypt error" alert during the secure handshake: a signature or check value it received did not verify. This often involves a client certificate whose signature the server could not validate, or a server whose TLS software is faulty.',
    visitor: [
      'If you use a client certificate or smart card for this site, restart the browser and choose it again, or try another one.',
      'Otherwise reload once, and tell the site owner if it keeps failing.',
    ],
    owner: [
      'Read the server\'s TLS log for the handshake step that failed (client certificate verify, finished message).',
      'If client certificates are used, check that the signature algorithms you allow match what the users\' keys produce.',
      'Update the TLS library and check any appliance (load balancer, WAF) that terminates TLS.',
    ],
    source: 'Chromium',
  },
  SSL_UNRECOGNIZED_NAME_ALERT: {
    title: 'The server does not know this site\'s name',
    side: 'site',
    what: 'The browser told the server which site name it wants (this is called SNI) during the secure handshake, and the server replied that it does not host that name. The server is reachable, but not set up for this address.',
    visitor: [
      'Check the address for typos, and try it with or without "www".',
      'If the address is right, tell the site owner; their server is not configured for this name.',
    ],
    owner: [
      'Add this exact hostname to the server or CDN configuration (server_name in nginx, ServerName/ServerAlias in Apache, the custom domain in your hosting panel).',
      'Check DNS: the name may point at a server or CDN that no longer serves it, for example after a migration ("dig host").',
      'Test with "openssl s_client -connect host:443 -servername host".',
    ],
    source: 'Chromium',
  },
  SSL_PINNED_KEY_NOT_IN_CERT_CHAIN: {
    title: 'The site\'s certificate does not match the keys expected for it',
    side: 'site',
    what: 'The browser has a built-in list of the keys some well-known sites are allowed to use (key pinning). The certificate this server sent is valid-looking but uses none of those keys, so the browser refused it as possibly forged.',
    visitor: [
      'Do not try to get around this warning; the connection may not be private.',
      'Try another network; if the error disappears there, something on the first network (a proxy or filter) may be intercepting secure traffic.',
      'Update your browser, then tell the site owner if the error stays.',
    ],
    owner: [
      'Check which keys your certificate chain uses and whether the domain is on Chromium\'s static pin list; a new certificate must keep a pinned key (or a pinned intermediate/root).',
      'If the chain changed recently (new CA, new intermediate), revert or get the pins updated before rolling it out.',
      'Look for a mis-issued or unexpected certificate being served (certificate transparency logs such as crt.sh help).',
    ],
    source: 'Chromium',
  },
  SSL_SERVER_CERT_CHANGED: {
    title: 'The server switched certificates mid-connection',
    side: 'site',
    what: 'The server presented one certificate when the secure connection started and a different one when the connection was renegotiated (set up again). The browser refuses this, because a swapped certificate can be a sign of an attack.',
    visitor: [
      'Reload the page; a new connection usually works.',
      'If it repeats, tell the site owner; there is nothing you can change.',
    ],
    owner: [
      'Avoid renegotiation (per-path client certificates or cipher changes) so the certificate is only ever sent once per connection.',
      'If several servers sit behind one address, make sure they all serve the same certificate and do not share sessions with servers that use another.',
      'Roll certificates out to all nodes at the same time.',
    ],
    source: 'Chromium',
  },
  SSL_SERVER_CERT_BAD_FORMAT: {
    title: 'The site\'s certificate could not be read',
    side: 'site',
    what: 'The server sent its certificate during the secure handshake, but the browser could not decode it: the data is damaged or not a valid certificate, so the site\'s identity cannot be checked.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'If you use antivirus web scanning or a company proxy, try without it: these sometimes generate broken certificates.',
    ],
    owner: [
      'Inspect the served chain with "openssl s_client -connect host:443 -servername host -showcerts" and decode each certificate with "openssl x509 -text -noout".',
      'Check the certificate file on the server: PEM format, no stray characters or Windows line endings, each certificate between its BEGIN and END lines.',
      'Reissue the certificate if it was generated by an in-house tool that produces non-standard encoding.',
    ],
    source: 'Chromium',
  },
  SSL_OBSOLETE_CIPHER: {
    title: 'The server insists on a retired encryption method',
    side: 'site',
    what: 'The server chose an encryption method (cipher suite) that browsers used to support but have since removed because it is no longer safe, so the secure connection could not be set up.',
    visitor: [
      'There is nothing safe you can change on your side; tell the site owner that its security settings are out of date.',
      'If this is an old device you own (router, NAS, printer), look for a firmware update.',
    ],
    owner: [
      'Update the server\'s cipher list: offer ECDHE key exchange with AES-GCM or ChaCha20-Poly1305 and remove RC4, 3DES, and plain-RSA or CBC-only setups.',
      'Enable TLS 1.2 and 1.3; test with "nmap --script ssl-enum-ciphers -p 443 host".',
      'Check load balancers and appliances, which often carry their own, older cipher settings.',
    ],
    source: 'Chromium',
  },
  EARLY_DATA_REJECTED: {
    title: 'The server turned down the fast-start request',
    side: 'site',
    what: 'To save time on a repeat visit, the browser sent the request together with the secure handshake (TLS 1.3 "early data"). The server refused that early data, and the request could not be completed on this attempt. Browsers usually retry this by themselves.',
    visitor: [
      'Reload the page; a second attempt normally works.',
      'If it keeps happening, tell the site owner.',
    ],
    owner: [
      'Check the early data (0-RTT) settings of the server or CDN ("ssl_early_data" in nginx) and whether all nodes behind the address agree on them.',
      'Make sure session tickets are shared or consistent across servers, so a ticket issued by one node is accepted by the others.',
      'If you do not need 0-RTT, turning it off avoids this class of problem.',
    ],
    source: 'Chromium',
  },
  WRONG_VERSION_ON_EARLY_DATA: {
    title: 'The server changed security versions during a fast start',
    side: 'site',
    what: 'The browser sent the request early, along with the handshake, assuming the server still speaks TLS 1.3 as on the last visit. The server answered with an older TLS version, so the early request was invalid.',
    visitor: [
      'Reload the page; the browser normally retries without early data.',
      'If it keeps failing, tell the site owner.',
    ],
    owner: [
      'Check that every server, load balancer node and CDN edge behind this name supports TLS 1.3; a mix of old and new nodes causes this.',
      'Keep TLS versions consistent during rollouts, or disable 0-RTT until all nodes are upgraded.',
    ],
    source: 'Chromium',
  },
  TLS13_DOWNGRADE_DETECTED: {
    title: 'Something pushed the connection down to an older security version',
    side: 'intermediary',
    what: 'The server signalled that it supports TLS 1.3, yet the handshake ended on an older version. This mismatch means something between you and the site altered the handshake, so the browser stopped to protect the connection.',
    visitor: [
      'Turn off antivirus "HTTPS scanning", a VPN, or a parental-control or filtering tool, then reload.',
      'Try another network; on a work or school network, tell the IT department that their firewall or proxy breaks TLS 1.3.',
      'If it happens everywhere, tell the site owner.',
    ],
    owner: [
      'If a load balancer, WAF or CDN terminates TLS in front of your server, make sure it fully supports TLS 1.3 and does not copy the backend\'s handshake randoms.',
      'Update TLS-inspecting appliances to versions that handle TLS 1.3 correctly.',
      'Test from several networks; if only some fail, a middlebox on those networks is at fault.',
    ],
    source: 'Chromium',
  },
  SSL_KEY_USAGE_INCOMPATIBLE: {
    title: 'The certificate is not allowed for this kind of encryption',
    side: 'site',
    what: 'The server\'s certificate says what its key may be used for, and the encryption method chosen in the handshake needs a use that the certificate does not allow. The browser enforces this and refused the connection.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'If this is a device on your own network, check for a firmware update.',
    ],
    owner: [
      'Look at the certificate\'s Key Usage extension ("openssl x509 -text -noout"): ECDHE cipher suites need "Digital Signature", plain RSA key exchange needs "Key Encipherment".',
      'Prefer ECDHE cipher suites and reissue the certificate with the right key usage, especially for self-made or internal CA certificates.',
    ],
    source: 'Chromium',
  },
  INVALID_ECH_CONFIG_LIST: {
    title: 'The site published broken encrypted-handshake settings',
    side: 'site',
    what: 'The site\'s DNS records carry settings for Encrypted Client Hello (ECH, which hides the site name during the handshake), but those settings are malformed, so the browser could not use them to start the secure connection.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'Trying again later may help if the site\'s DNS is being updated.',
    ],
    owner: [
      'Check the "ech" value in the HTTPS/SVCB DNS record ("dig HTTPS host") and that it is a valid, current ECHConfigList.',
      'If your CDN manages ECH, check its status; if you publish it yourself, regenerate the config from the server\'s current ECH keys.',
      'Remove the ech parameter from DNS until it is fixed.',
    ],
    source: 'Chromium',
  },
  ECH_NOT_NEGOTIATED: {
    title: 'The server did not accept the encrypted handshake',
    side: 'site',
    what: 'The browser used Encrypted Client Hello (ECH, which hides the site name during the handshake) because the site\'s DNS announced it, but the server could not decrypt it and gave no updated settings to retry with.',
    visitor: [
      'Reload the page in a few minutes; the site\'s settings may be changing.',
      'If you use a filtering network or VPN, try another network.',
      'If it lasts, tell the site owner.',
    ],
    owner: [
      'Check that the ECH keys the server uses match the config published in the HTTPS DNS record ("dig HTTPS host"), including after key rotation and DNS TTLs.',
      'Make sure the server sends retry configs when it rejects ECH, so browsers can recover by themselves.',
      'If a middlebox or load balancer in front does not support ECH, stop publishing ECH for this name.',
    ],
    source: 'Chromium',
  },
  ECH_FALLBACK_CERTIFICATE_INVALID: {
    title: 'The server\'s backup certificate for encrypted handshakes is invalid',
    side: 'site',
    what: 'The server rejected the browser\'s Encrypted Client Hello and answered with a certificate for its public "cover" name instead, so the browser could get fresh settings. That certificate failed the checks, so the browser could not safely retry.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'Try again later in case the site is fixing its setup.',
    ],
    owner: [
      'Check the certificate served for the ECH public_name listed in your ECHConfig: it must be valid, unexpired and issued by a trusted CA for exactly that name.',
      'Verify with "openssl s_client -connect host:443 -servername public-name".',
    ],
    source: 'Chromium',
  },
  QUIC_HANDSHAKE_FAILED: {
    title: 'The secure handshake over HTTP/3 failed',
    side: 'site',
    what: 'The browser tried the newer HTTP/3 protocol (QUIC, which runs over UDP instead of TCP), and the secure handshake on that connection failed. Browsers usually fall back to a normal connection, so this often shows only for some requests.',
    visitor: [
      'Reload the page; the browser usually switches to a regular connection.',
      'If it keeps happening, try another network, or turn off a VPN or firewall that may interfere with UDP traffic.',
      'Tell the site owner if nothing helps.',
    ],
    owner: [
      'Check the QUIC/HTTP3 setup: the certificate and key, TLS 1.3 settings, and that UDP port 443 is open on firewalls and load balancers.',
      'Make sure the Alt-Svc header or HTTPS DNS record only advertises h3 where it actually works.',
      'Test with "curl --http3 -v https://host/" from several networks.',
    ],
    source: 'Chromium',
  },
  QUIC_CERT_ROOT_NOT_KNOWN: {
    title: 'HTTP/3 refused a certificate from a privately trusted authority',
    side: 'browser',
    what: 'The HTTP/3 (QUIC) connection presented a certificate that chains to a root authority installed only on this device, not to a publicly known one. The browser does not accept such roots for HTTP/3 by default.',
    visitor: [
      'Reload the page; the browser usually falls back to a regular connection, which may work.',
      'On a work or school device, this is often caused by a company certificate used to inspect traffic; tell the IT department.',
    ],
    owner: [
      'If this is your internal or development site using a private CA, serve it over HTTP/2 (do not advertise h3 in Alt-Svc or DNS), or use a publicly trusted certificate.',
      'For testing HTTP/3 with a local CA, use the browser flags meant for development, not production.',
    ],
    source: 'Chromium',
  },
  HTTP2_INADEQUATE_TRANSPORT_SECURITY: {
    title: 'The encryption is too weak for HTTP/2',
    side: 'site',
    what: 'The connection was set up for HTTP/2, but with a TLS version or cipher suite that the HTTP/2 standard forbids as too weak. The browser therefore could not use the connection.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
    ],
    owner: [
      'Serve HTTP/2 only with TLS 1.2 or newer and an ECDHE AEAD cipher suite (AES-GCM or ChaCha20); remove CBC and non-forward-secret suites.',
      'Check the server or load balancer\'s cipher order so a permitted suite is chosen first.',
      'If you cannot change the ciphers, disable h2 in ALPN until you can.',
    ],
    source: 'Chromium',
  },
  // --- The server's certificate: who it belongs to, who vouches for it, whether it is still good ---
  CERT_COMMON_NAME_INVALID: {
    title: 'The certificate is for a different name',
    side: 'site',
    what: 'The server sent a valid certificate, but it was issued for other site names than the one in the address bar. The browser cannot confirm it is talking to the site you asked for, so it stopped.',
    visitor: [
      'Check the address for typos; try it with or without "www".',
      'Do not enter passwords or payment details if you choose to continue past the warning.',
      'Tell the site owner; they need a certificate that covers this exact name.',
    ],
    owner: [
      'List the names the certificate covers ("openssl s_client -connect host:443 -servername host | openssl x509 -noout -ext subjectAltName") and add the missing one, including www and the bare domain.',
      'Check that the server picks the right certificate for this name (server_name / virtual host, SNI); a default certificate is often served instead.',
      'Remember that a wildcard covers one level only: *.example.com does not cover example.com or a.b.example.com.',
    ],
    source: 'Chromium',
  },
  CERT_DATE_INVALID: {
    title: 'The site\'s certificate has expired or is not valid yet',
    side: 'site',
    what: 'The certificate the server sent is outside its valid dates: it has expired, or its start date is still in the future. Either the site forgot to renew it, or the clock on your device is wrong.',
    visitor: [
      'Check that your device\'s date, time and time zone are correct; a wrong clock makes every site look like this.',
      'If your clock is right and other sites work, the site\'s certificate has expired; tell the site owner.',
      'Avoid entering passwords or payment details until it is fixed.',
    ],
    owner: [
      'Check the dates with "openssl s_client -connect host:443 -servername host | openssl x509 -noout -dates" and renew the certificate.',
      'Make sure renewal is automatic (certbot, acme.sh, your host\'s panel) and that the server is reloaded afterwards so it actually serves the new file.',
      'Check every node and the CDN: one server still serving the old certificate is a common cause.',
      'Set up expiry monitoring that warns weeks ahead.',
    ],
    source: 'Chromium',
  },
  CERT_AUTHORITY_INVALID: {
    title: 'The certificate is not from a trusted authority',
    side: 'site',
    what: 'The server\'s certificate was not issued by an authority the browser trusts, or the chain linking it to one is missing a piece. It may be self-signed, from a private company authority, or served without its intermediate certificate.',
    visitor: [
      'If this happens on many sites, check your antivirus, a VPN or a company network: software that inspects secure traffic can cause it.',
      'If it is just this site, tell the site owner, and avoid entering passwords or payment details.',
      'For a device on your own network (router, printer), this is often expected; only continue if you are sure it is that device.',
    ],
    owner: [
      'Serve the full chain: your certificate plus the intermediate certificates (fullchain.pem with certbot); check with "openssl s_client -showcerts" or an online SSL checker.',
      'Replace self-signed or private-CA certificates on public sites with one from a public CA such as Let\'s Encrypt.',
      'For internal sites, distribute your private root to managed devices instead of telling users to click through.',
    ],
    source: 'Chromium',
  },
  CERT_CONTAINS_ERRORS: {
    title: 'The site\'s certificate is malformed',
    side: 'site',
    what: 'The server sent a certificate that contains errors in its structure or fields, so the browser cannot safely interpret it and refused the connection.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'If you use antivirus web scanning or a company proxy, try without it, since these can produce faulty certificates.',
    ],
    owner: [
      'Decode the certificate with "openssl x509 -in cert.pem -text -noout" and look for odd fields, bad encoding or invalid extensions.',
      'Reissue it from a standard public CA or, for internal certificates, with a current, standards-compliant tool.',
    ],
    source: 'Chromium',
  },
  CERT_NO_REVOCATION_MECHANISM: {
    title: 'The certificate gives no way to check if it was revoked',
    side: 'site',
    what: 'The browser needed to check whether the site\'s certificate has been withdrawn (revoked), but the certificate lists no place to check it, so that required check could not be made.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'On a work device, a company policy may demand this check; your IT department can confirm.',
    ],
    owner: [
      'Use a certificate from a public CA, which includes OCSP or CRL information; private CA certificates often lack it.',
      'For an internal CA, add CRL Distribution Points and/or an OCSP responder to the certificates you issue.',
    ],
    source: 'Chromium',
  },
  CERT_UNABLE_TO_CHECK_REVOCATION: {
    title: 'The certificate\'s revocation status could not be checked',
    side: 'network',
    what: 'The browser tried to confirm that the site\'s certificate has not been withdrawn, but could not reach or use the service that answers that question, and a setting requires the answer.',
    visitor: [
      'Reload in a few minutes; the checking service may be briefly unreachable.',
      'On a work or school network, the firewall may block the checking service; tell the IT department.',
      'Try another network to confirm.',
    ],
    owner: [
      'Enable OCSP stapling on the server ("ssl_stapling on" in nginx, "SSLUseStapling on" in Apache) so browsers do not need to contact the CA themselves.',
      'Check that the OCSP and CRL addresses in your certificate respond ("openssl ocsp").',
      'For internal CAs, make sure the responder is reachable from every client network.',
    ],
    source: 'Chromium',
  },
  CERT_REVOKED: {
    title: 'The site\'s certificate has been withdrawn',
    side: 'site',
    what: 'The authority that issued the site\'s certificate has revoked it (declared it no longer trustworthy), for example because its key was leaked or it was issued by mistake. The browser will not use it.',
    visitor: [
      'Do not continue to the site or enter any details while this error shows.',
      'Tell the site owner; only they can fix it by installing a new certificate.',
    ],
    owner: [
      'Get a new certificate with a new private key, install it on every server and CDN, and reload the servers.',
      'Find out why it was revoked (your CA\'s notice, crt.sh); if the key was exposed, rotate any other secrets stored with it.',
    ],
    source: 'Chromium',
  },
  CERT_INVALID: {
    title: 'The site\'s certificate is not valid',
    side: 'site',
    what: 'The certificate the server sent failed the browser\'s checks for a reason that does not fit a more specific category, so the site\'s identity could not be confirmed.',
    visitor: [
      'Check that your device\'s date and time are correct, then reload.',
      'If other secure sites work, tell the site owner, and avoid entering passwords or payment details.',
    ],
    owner: [
      'Run the site through an online SSL checker and "openssl s_client -connect host:443 -servername host -showcerts" to see the exact problem.',
      'Check the chain order, the certificate\'s extensions (Basic Constraints, Key Usage, Extended Key Usage "serverAuth") and its dates.',
      'Reissue from a public CA if the certificate was generated by hand.',
    ],
    source: 'Chromium',
  },
  CERT_WEAK_SIGNATURE_ALGORITHM: {
    title: 'The certificate is signed with an outdated method',
    side: 'site',
    what: 'The site\'s certificate, or one in its chain, was signed using an old method (such as SHA-1 or MD5) that is easy enough to forge that browsers no longer accept it.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'For an old device you own (router, camera), look for a firmware update that replaces the certificate.',
    ],
    owner: [
      'Check the "Signature Algorithm" of every certificate in the chain ("openssl x509 -text -noout"); each must be SHA-256 or stronger.',
      'Reissue the certificate, and replace any old intermediate in the chain with the CA\'s current one.',
    ],
    source: 'Chromium',
  },
  CERT_NON_UNIQUE_NAME: {
    title: 'The certificate is for an internal name anyone could claim',
    side: 'site',
    what: 'The server\'s certificate was issued for a name or address that is not unique on the internet, such as an internal-only name (like "server.local" or "intranet") or a private IP address. Such certificates could belong to anyone, so the browser does not trust them.',
    visitor: [
      'If this is a device or service on your own or your company\'s network, ask its administrator; it needs a proper certificate.',
      'Otherwise tell the site owner; there is nothing you can change on your side.',
    ],
    owner: [
      'Use a real, registered domain name for the service (for example intranet.example.com) and get a certificate for it; public CAs no longer issue certificates for internal names.',
      'For purely internal services, use your own private CA distributed to managed devices, with the proper internal names.',
    ],
    source: 'Chromium',
  },
  CERT_WEAK_KEY: {
    title: 'The certificate\'s key is too weak',
    side: 'site',
    what: 'The key inside the site\'s certificate, or in one of the certificates above it, is too short to be considered safe today (for example an RSA key under 2048 bits), so the browser refused it.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'For an old device you own, look for a firmware update.',
    ],
    owner: [
      'Check the key size with "openssl x509 -text -noout" ("Public-Key: (... bit)") for every certificate in the chain.',
      'Generate a new key (RSA 2048 bits or more, or ECDSA P-256) and reissue the certificate with it.',
    ],
    source: 'Chromium',
  },
  CERT_NAME_CONSTRAINT_VIOLATION: {
    title: 'The certificate\'s issuer was not allowed to vouch for this name',
    side: 'site',
    what: 'The authority that issued the site\'s certificate is only permitted to issue certificates for certain names, and this site\'s name falls outside that allowed range, so the certificate is not valid for it.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'On a company network, tell the IT department, since a company certificate authority is often involved.',
    ],
    owner: [
      'Inspect the "Name Constraints" extension of the intermediate and root certificates in the chain and check that the site\'s name falls inside the permitted subtrees.',
      'Issue the certificate from a CA whose constraints cover this domain, or widen the constraints on your internal CA.',
    ],
    source: 'Chromium',
  },
  CERT_VALIDITY_TOO_LONG: {
    title: 'The certificate is valid for too long a period',
    side: 'site',
    what: 'The site\'s certificate was issued with a lifetime longer than browsers accept (public certificates are now limited to about 13 months), so the browser treats it as invalid.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
    ],
    owner: [
      'Check the "Not Before" and "Not After" dates; public TLS certificates must be valid for at most 398 days.',
      'Reissue a certificate with a shorter lifetime, and ideally automate renewal with ACME (certbot, acme.sh).',
    ],
    source: 'Chromium',
  },
  CERTIFICATE_TRANSPARENCY_REQUIRED: {
    title: 'The certificate was not publicly logged',
    side: 'site',
    what: 'Browsers require publicly trusted certificates to be recorded in public Certificate Transparency logs, so that wrongly issued certificates can be spotted. The site\'s certificate came without the required proof of being logged.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner.',
      'If this happens on many sites, a company proxy or antivirus may be replacing certificates; tell your IT department or try another network.',
    ],
    owner: [
      'Get a certificate from a CA that embeds Signed Certificate Timestamps (SCTs); all major public CAs do this by default.',
      'If you deliver SCTs via a TLS extension or OCSP stapling instead, check that the server still sends them.',
      'Check the certificate on crt.sh to confirm it was logged.',
    ],
    source: 'Chromium',
  },
  CERT_SYMANTEC_LEGACY: {
    title: 'The certificate comes from a distrusted authority',
    side: 'site',
    what: 'The site\'s certificate was issued by Symantec\'s old certificate business (including brands such as Thawte, GeoTrust and RapidSSL before late 2017), which browsers stopped trusting after serious issuing failures.',
    visitor: [
      'There is nothing you can change on your side; tell the site owner that its certificate must be replaced.',
    ],
    owner: [
      'Replace the certificate with one from a currently trusted CA, and update the intermediate certificates you serve.',
      'Check all servers, load balancers and CDNs for leftover old certificates and chains.',
    ],
    source: 'Chromium',
  },
  CERT_KNOWN_INTERCEPTION_BLOCKED: {
    title: 'The connection is being intercepted by a known eavesdropping certificate',
    side: 'network',
    what: 'The certificate presented for this site belongs to an authority known to be used for intercepting secure traffic, for example by a government or network operator. The browser blocks it because someone could read or change what you send.',
    visitor: [
      'Do not enter any passwords or personal details on this connection.',
      'Check your device for an added root certificate you did not install knowingly, and remove it if it came from a network or an app.',
      'Try another network or a trusted VPN.',
    ],
    owner: [
      'Nothing is wrong with your certificate; visitors on certain networks are being intercepted on their side.',
      'If your users report it from one country or provider, point them to a different network; HSTS and certificate transparency monitoring help detect such interception.',
    ],
    source: 'Chromium',
  },
  INSECURE_RESPONSE: {
    title: 'The answer came over a connection with a certificate problem',
    side: 'site',
    what: 'The secure connection to the server had a certificate problem, and the browser would not use what came over it. This is a general error, often seen for images, scripts or other parts of a page whose server has an invalid certificate.',
    visitor: [
      'Open the main address of the site in a new tab to see the specific certificate warning.',
      'Check that your device\'s date and time are correct.',
      'Tell the site owner; parts of the page may be missing until they fix it.',
    ],
    owner: [
      'Find which host served the failing resource (browser developer tools, Network tab) and check its certificate with an SSL checker: name, expiry and full chain.',
      'Remember that for sub-resources the browser shows no warning page; the request simply fails, so monitor certificates on CDNs and API hosts too.',
      'If the host uses HSTS, visitors cannot click through, so fix the certificate rather than relying on exceptions.',
    ],
    source: 'Chromium',
  },
};
