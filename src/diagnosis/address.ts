// Which network an address is on: the public Internet, a private network, or this computer itself.
// Pure. Hosts are read through the URL parser first, so numeric forms (2130706433, 0x7f.1), full-width
// digits and IDN mappings (ⓛocalhost) are judged as the browser would connect to them.

/** From least to most trusted, as Chromium's Private Network Access orders them. */
export const ADDRESS_SPACES = ['public', 'private', 'local'] as const;
export type AddressSpace = (typeof ADDRESS_SPACES)[number];

const rank = (space: AddressSpace): number => ADDRESS_SPACES.indexOf(space);

/** The more private of two spaces. */
export const morePrivate = (a: AddressSpace, b: AddressSpace): AddressSpace => (rank(a) >= rank(b) ? a : b);

/** Whether a request from a page in `from` may go to `target`: never to a more private network than the page's. */
export const reaches = (target: AddressSpace, from: AddressSpace): boolean => rank(target) <= rank(from);

type Range = readonly [first: number, prefixBits: number, space: AddressSpace];

const v4 = (a: number, b = 0, c = 0, d = 0): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** IPv4 ranges that are no public Internet address (RFC 6890 and friends). */
const IPV4_RANGES: readonly Range[] = [
  // 0.0.0.0 reaches this computer on Linux and macOS.
  [v4(0), 8, 'local'], [v4(127), 8, 'local'],
  [v4(10), 8, 'private'], [v4(172, 16), 12, 'private'], [v4(192, 168), 16, 'private'],
  [v4(169, 254), 16, 'private'], [v4(100, 64), 10, 'private'], [v4(192, 0, 0), 24, 'private'],
  [v4(198, 18), 15, 'private'], [v4(224), 4, 'private'], [v4(240), 4, 'private'],
];

function ipv4Number(text: string): number | undefined {
  const parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)?.slice(1).map(Number);
  if (!parts || parts.some((part) => part > 255)) return undefined;
  return v4(parts[0]!, parts[1], parts[2], parts[3]);
}

function ipv4Space(address: number): AddressSpace {
  const range = IPV4_RANGES.find(([first, bits]) => address >>> (32 - bits) === first >>> (32 - bits));
  return range?.[2] ?? 'public';
}

/** The eight 16-bit groups of an IPv6 address (brackets, zone and a dotted IPv4 tail allowed), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  let rest = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(rest)?.[1];
  if (dotted) {
    // A dotted IPv4 tail is the last two groups.
    const address = ipv4Number(dotted);
    if (address === undefined) return undefined;
    rest = `${rest.slice(0, -dotted.length)}${(address >>> 16).toString(16)}:${(address & 0xffff).toString(16)}`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (groups.flat().some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return undefined;
  const [head, end = []] = groups.map((half) => half.map((group) => Number.parseInt(group, 16)));
  const missing = 8 - head!.length - end.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head!, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...end];
}

function ipv6Space(groups: readonly number[]): AddressSpace {
  const embedded = (high: number, low: number): AddressSpace => ipv4Space(((high << 16) | low) >>> 0);
  const zeroUpTo = (n: number): boolean => groups.slice(0, n).every((group) => group === 0);
  if (zeroUpTo(7) && groups[7]! <= 1) return 'local'; // ::1 and the unspecified ::
  if (zeroUpTo(5) && (groups[5] === 0xffff || groups[5] === 0)) return embedded(groups[6]!, groups[7]!); // ::ffff:a.b.c.d, ::a.b.c.d
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return embedded(groups[6]!, groups[7]!); // NAT64
  if (groups[0] === 0x2002) return embedded(groups[1]!, groups[2]!); // 6to4
  const first = groups[0]!;
  // fc00::/7 unique local, fe80::/10 link-local, fec0::/10 old site-local, ff00::/8 multicast.
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0 || (first & 0xff00) === 0xff00) return 'private';
  return 'public';
}

/** Name suffixes that never leave the local network (RFC 6761, 6762, 8375 and common intranet ones). */
const PRIVATE_SUFFIXES = ['.local', '.internal', '.intranet', '.lan', '.home.arpa', '.corp', '.home', '.localdomain'];

/** The space of an IP address as webRequest gives it (`ip`), or of a host name as the URL parser gives it. */
export function hostSpace(host: string): AddressSpace {
  const name = host.toLowerCase().replace(/\.$/, '');
  const ipv4 = ipv4Number(name);
  if (ipv4 !== undefined) return ipv4Space(ipv4);
  if (name.includes(':')) {
    const groups = ipv6Groups(name);
    // An address we cannot read is not trusted to be public.
    return groups ? ipv6Space(groups) : 'private';
  }
  if (name === 'localhost' || name.endsWith('.localhost')) return 'local';
  // A name without a dot is found through the local search domain: an intranet host.
  if (!name.includes('.') || PRIVATE_SUFFIXES.some((suffix) => name.endsWith(suffix))) return 'private';
  return 'public';
}

/**
 * The space a URL points into: by its host as the browser reads it, and by the IP it was seen at (`ip`), which
 * tells when a public-looking name resolved to a private address. A URL that does not parse counts as local.
 */
export function addressSpace(url: string, ip?: string): AddressSpace {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return 'local';
  }
  const byName = hostSpace(host);
  return ip ? morePrivate(byName, hostSpace(ip)) : byName;
}
