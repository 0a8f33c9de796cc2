// range: start/stop/step with lazy iteration and O(1) len/index/contains.

import { PyType, objectType, type PyObj } from './object';
import { PyIter } from './iterator';

export const rangeType = new PyType('range', [objectType]);
export const rangeIterType = new PyType('range_iterator', [objectType]);

export class PyRange {
  declare $type: PyType;
  constructor(readonly start: number, readonly stop: number, readonly step: number) {}
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}
PyRange.prototype.$type = rangeType;

export class RangeIter extends PyIter {
  constructor(public cur: number, readonly stop: number, readonly step: number) { super(); this.$type = rangeIterType; }
  next(): PyObj {
    const c = this.cur;
    if (this.step > 0 ? c < this.stop : c > this.stop) { this.cur = c + this.step; return c; }
    return undefined;
  }
}
