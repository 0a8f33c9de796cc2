// Built-in modules by name, created lazily on first import (keeps start-up fast).

import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { makeSys } from './sys';
import { makeMath } from './math';
import { makeTime } from './time';
import { makeErrno } from './errno';
import { makeGc } from './gc';
import { makeMicropython } from './micropython';
import { makeStruct } from './struct';
import { makeJson } from './json';
import { makeBinascii } from './binascii';
import { makeHashlib } from './hashlib';
import { makeRandom } from './random';
import { makeHeapq } from './heapq';
import { makeIo } from './io';
import { makeOs } from './os';
import { makeCollections } from './collections';
import { makeSelect } from './select';
import { makeArray } from './array';
import { makeRe } from './re';
import { makeAsyncio } from './asyncio';
import { makeCmath } from './cmath';
import { makeBuiltinsModule } from './builtins';
import { makeVfs } from './vfs';
import { makeFramebuf } from './framebuf';
import { makeThread } from './thread';
import { makeUctypes } from './uctypes';
import { makePlatform } from './platform';

export const builtinModules: Record<string, (interp: Interp) => PyModule> = {
  sys: makeSys,
  math: makeMath,
  time: makeTime,
  errno: makeErrno,
  gc: makeGc,
  micropython: makeMicropython,
  struct: makeStruct,
  json: makeJson,
  binascii: makeBinascii,
  hashlib: makeHashlib,
  random: makeRandom,
  heapq: makeHeapq,
  io: makeIo,
  os: makeOs,
  collections: makeCollections,
  select: makeSelect,
  array: makeArray,
  re: makeRe,
  asyncio: makeAsyncio,
  cmath: makeCmath,
  builtins: makeBuiltinsModule,
  vfs: makeVfs,
  framebuf: makeFramebuf,
  _thread: makeThread,
  uctypes: makeUctypes,
  platform: makePlatform,
};
