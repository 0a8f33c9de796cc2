// A piezo buzzer: shows the frequency it sounds at, and plays it through Web Audio when the
// student ticks "Play sound" (off by default: a classroom of beeping laptops is no fun).

import type { PartSpec } from '../../../shared/contracts/simulator';
import { h } from '../../app/dom';
import { picture, wiredAt, type PartDrawing, type PartView } from './part-drawing';

export function drawBuzzer(spec: PartSpec): PartDrawing {
  const p = picture('sim-buzzer');
  const sound = h('input', { type: 'checkbox', id: `part-${spec.id}-sound` });
  p.element.append(h('label', { for: `part-${spec.id}-sound`, class: 'sim-part-option' }, sound, ' Play sound'));
  let audio: { ctx: AudioContext; osc: OscillatorNode; gain: GainNode } | null = null;
  let last = { sounding: false, freq: 0 };
  const play = () => {
    if (!sound.checked || !last.sounding) {
      audio?.gain.gain.setValueAtTime(0, audio.ctx.currentTime);
      return;
    }
    if (!audio) {
      const ctx = new AudioContext();
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.connect(gain).connect(ctx.destination);
      osc.start();
      audio = { ctx, osc, gain };
    }
    audio.osc.frequency.setValueAtTime(last.freq, audio.ctx.currentTime);
    audio.gain.gain.setValueAtTime(0.05, audio.ctx.currentTime);
  };
  sound.addEventListener('change', play);
  return {
    element: p.element,
    update(view: PartView) {
      last = { sounding: view.state.sounding === true, freq: Number(view.state.freq ?? 0) };
      const text = last.sounding ? `sounding at ${last.freq} Hz` : 'silent';
      p.figure.classList.toggle('sounding', last.sounding);
      p.figure.setAttribute('aria-label', `Buzzer ${wiredAt(spec)} ${text}`);
      p.caption.textContent = `Buzzer ${wiredAt(spec)}: ${text}`;
      play();
    },
  };
}
