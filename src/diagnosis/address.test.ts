import { describe, expect, it } from 'vitest';
import { addressSpace, hostSpace, morePrivate, reaches, type AddressSpace } from './address';

describe('which network a URL points into', () => {
  it.each([
    // IPv4
    ['http://127.0.0.1/', 'local'], ['http://127.255.1.2:8080/', 'local'], ['http://0.0.0.0/', 'local'], ['http://0/', 'local'],
    ['http://10.0.0.1/', 'private'], ['http://172.16.0.1/', 'private'], ['http://172.31.255.255/', 'private'],
    ['http://172.32.0.1/', 'public'], ['http://172.15.255.255/', 'public'], ['http://192.168.1.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data', 'private'], ['http://100.64.0.1/', 'private'], ['http://100.127.255.255/', 'private'],
    ['http://100.128.0.1/', 'public'], ['http://198.18.0.1/', 'private'], ['http://224.0.0.1/', 'private'],
    ['http://255.255.255.255/', 'private'], ['http://8.8.8.8/', 'public'], ['https://93.184.215.14/', 'public'],
    // Numeric forms the URL parser turns into 127.0.0.1 / 192.168.0.1
    ['http://2130706433/', 'local'], ['http://0x7f.1/', 'local'], ['http://017700000001/', 'local'],
    ['http://１２７.０.０.１/', 'local'], ['http://0xc0a80001/', 'private'], ['http://3232235521/', 'private'],
    // IPv6
    ['http://[::1]/', 'local'], ['http://[::]/', 'local'], ['http://[0:0:0:0:0:0:0:1]:8080/', 'local'],
    ['http://[fc00::1]/', 'private'], ['http://[fd12:3456::1]/', 'private'], ['http://[fe80::1]/', 'private'],
    ['http://[febf::1]/', 'private'], ['http://[ff02::1]/', 'private'], ['http://[2001:db8::1]/', 'public'], ['http://[2606:4700::1111]/', 'public'],
    ['http://[::ffff:127.0.0.1]/', 'local'], ['http://[::ffff:7f00:1]/', 'local'], ['http://[::ffff:192.168.0.1]/', 'private'],
    ['http://[::ffff:8.8.8.8]/', 'public'], ['http://[::127.0.0.1]/', 'local'], ['http://[64:ff9b::10.0.0.1]/', 'private'],
    ['http://[2002:c0a8:101::1]/', 'private'], ['http://[2002:808:808::1]/', 'public'],
    // Names
    ['http://localhost/', 'local'], ['http://LOCALHOST./', 'local'], ['http://app.localhost:3000/', 'local'],
    ['http://printer.local/', 'private'], ['http://metadata.google.internal/', 'private'], ['http://router.home.arpa/', 'private'],
    ['http://router/', 'private'], ['http://nas.lan/', 'private'], ['https://example.com/', 'public'], ['https://localhost.example.com/', 'public'],
    ['https://notlocal/', 'private'], ['https://local.example/', 'public'],
    // IDN: mapped as the browser maps it; a look-alike is another name
    ['http://ⓛocalhost/', 'local'], ['http://ｌｏｃａｌｈｏｓｔ/', 'local'], ['http://localhost。/', 'local'],
    ['http://exаmple.com/', 'public'], ['http://bücher.example/', 'public'],
    // Unreadable
    ['not a url', 'local'], ['http://[::1/', 'local'],
  ] as [string, AddressSpace][])('%s → %s', (url, space) => {
    expect(addressSpace(url)).toBe(space);
  });

  it.each([
    ['a public name seen at a private address', 'https://intranet.example.com/', '10.1.2.3', 'private'],
    ['a public name seen at a loopback IPv6 address', 'https://rebind.example/', '::1', 'local'],
    ['IPv4-mapped, as Chromium may report it', 'https://rebind.example/', '::ffff:192.168.1.20', 'private'],
    ['a public name at a public address', 'https://example.com/', '93.184.215.14', 'public'],
    ['the IP never makes a private name public', 'http://127.0.0.1/', '8.8.8.8', 'local'],
    ['a garbled IP is not trusted as public', 'https://example.com/', '1:2:3', 'private'],
  ] as [string, string, string, AddressSpace][])('%s', (_name, url, ip, space) => {
    expect(addressSpace(url, ip)).toBe(space);
  });

  it('IP addresses as webRequest gives them', () => {
    expect(['127.0.0.1', '::1', '192.168.0.7', 'fe80::1%eth0', '2a00:1450:4001::200e', '999.1.1.1'].map(hostSpace))
      .toEqual(['local', 'local', 'private', 'private', 'public', 'public']);
  });
});

describe('what a page may reach', () => {
  it.each([
    ['public', 'public', true], ['private', 'public', false], ['local', 'public', false],
    ['public', 'private', true], ['private', 'private', true], ['local', 'private', false],
    ['public', 'local', true], ['private', 'local', true], ['local', 'local', true],
  ] as [AddressSpace, AddressSpace, boolean][])('%s from a %s page → %s', (target, from, expected) => {
    expect(reaches(target, from)).toBe(expected);
  });
  it('the more private of two', () => {
    expect([morePrivate('public', 'private'), morePrivate('local', 'private'), morePrivate('public', 'public')]).toEqual(['private', 'local', 'public']);
  });
});
