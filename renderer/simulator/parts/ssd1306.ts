// The SSD1306 OLED drawn pixel for pixel on a canvas from the part's published 128x64 bitmap
// (hex rows, MSB left). Its accessible name says where it is wired and whether it is on.

import type { PartSpec } from '../../../shared/contracts/simulator';
import { h } from '../../app/dom';
import { wiredAt, type PartDrawing, type PartView } from './part-drawing';

export function drawSsd1306(spec: PartSpec): PartDrawing {
  const canvas = h('canvas', { width: '128', height: '64', class: 'sim-oled', role: 'img', 'data-part': spec.id });
  const ctx = canvas.getContext('2d');
  const image = ctx?.createImageData(128, 64);
  const element = h('div', { class: 'sim-part' }, canvas);
  return {
    element,
    update(view: PartView) {
      const on = view.state.on === true;
      const hex = String(view.state.pixels ?? '');
      let lit = 0;
      if (ctx && image) {
        for (let y = 0; y < 64; y++) {
          for (let x = 0; x < 128; x++) {
            const byte = parseInt(hex.substr(y * 32 + (x >> 3) * 2, 2), 16) || 0;
            const px = (byte >> (7 - (x & 7))) & 1;
            lit += px;
            const i = (y * 128 + x) * 4;
            // a white-on-black panel, as most of these modules are
            image.data.set(px ? [235, 245, 255, 255] : [8, 10, 16, 255], i);
          }
        }
        ctx.putImageData(image, 0, 0);
      }
      canvas.dataset.lit = String(lit);
      canvas.setAttribute('aria-label', `OLED display ${wiredAt(spec)}: ${on ? `on, ${lit} pixels lit` : 'off'}`);
    },
  };
}
