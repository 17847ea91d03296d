import { describe, expect, it } from 'vitest';
import { classifyEmailDomain } from './email.js';

describe('classifyEmailDomain', () => {
  it('knows disposable domains from the packaged list, including wildcard subdomains', () => {
    expect(classifyEmailDomain('mailinator.com')).toBe('disposable');
    expect(classifyEmailDomain('guerrillamail.com')).toBe('disposable');
    expect(classifyEmailDomain('anything.33m.co')).toBe('disposable');
  });

  it('knows free webmail', () => {
    for (const domain of [
      'gmail.com',
      'outlook.com',
      'yahoo.com',
      'qq.com',
      '163.com',
      'proton.me',
      'GMAIL.COM',
    ]) {
      expect(classifyEmailDomain(domain)).toBe('webmail');
    }
  });

  it('recognises academic domains by pattern and list', () => {
    for (const domain of [
      'stanford.edu',
      'cs.stanford.edu',
      'tsinghua.edu.cn',
      'ox.ac.uk',
      'u-tokyo.ac.jp',
      'uni-heidelberg.de',
      'ethz.ch',
      'student.ethz.ch',
      'unimelb.edu.au',
    ]) {
      expect(classifyEmailDomain(domain)).toBe('academic');
    }
  });

  it('calls other real domains corporate, and accepts a whole address', () => {
    expect(classifyEmailDomain('acme-robotics.com')).toBe('corporate');
    expect(classifyEmailDomain('siemens.de')).toBe('corporate');
    expect(classifyEmailDomain('jane@acme-robotics.com')).toBe('corporate');
  });

  it('is unknown for missing, malformed or hashed domains', () => {
    expect(classifyEmailDomain(undefined)).toBe('unknown');
    expect(classifyEmailDomain('')).toBe('unknown');
    expect(classifyEmailDomain('localhost')).toBe('unknown');
    expect(classifyEmailDomain('9f86d081884c7d659a2feaa0c55ad015')).toBe('unknown');
  });
});
