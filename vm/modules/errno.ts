// errno: POSIX error numbers as MicroPython names them (Linux numbering, as on boards).

import { PyModule } from '../objects/module';
import { PyDict } from '../objects/dict';

export const ERRNO_NAMES: Record<number, string> = {
  1: 'EPERM', 2: 'ENOENT', 5: 'EIO', 9: 'EBADF', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES', 17: 'EEXIST', 19: 'ENODEV',
  20: 'ENOTDIR', 21: 'EISDIR', 22: 'EINVAL', 28: 'ENOSPC', 30: 'EROFS', 39: 'ENOTEMPTY', 95: 'EOPNOTSUPP', 97: 'EAFNOSUPPORT',
  98: 'EADDRINUSE', 103: 'ECONNABORTED', 104: 'ECONNRESET', 105: 'ENOBUFS', 107: 'ENOTCONN', 110: 'ETIMEDOUT',
  111: 'ECONNREFUSED', 113: 'EHOSTUNREACH', 114: 'EALREADY', 115: 'EINPROGRESS',
};

export function makeErrno(): PyModule {
  const m = new PyModule('errno');
  const code = new PyDict();
  for (const [n, name] of Object.entries(ERRNO_NAMES)) { m.g[name] = Number(n); code.set(Number(n), name); }
  m.g.errorcode = code;
  return m;
}
