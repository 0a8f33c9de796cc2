// Small line icons as inline SVG (no icon font, no emoji: classroom machines may lack both).
// Each is decorative; the button or item next to it carries the accessible name.

const PATHS: Record<string, string> = {
  new: 'M4 1h6l4 4v10H4z M10 1v4h4 M9 8v5 M6.5 10.5h5',
  open: 'M1 4h5l1.5 1.5H15V14H1z M1 7h14',
  save: 'M2 2h10l2 2v10H2z M5 2v4h6V2 M5 14v-5h6v5',
  run: 'M4 2l10 6-10 6z',
  'run-selection': 'M4 2l10 6-10 6z M1 2v12',
  stop: 'M3 3h10v10H3z',
  reset: 'M13 8a5 5 0 1 1-1.5-3.6 M12 1v4H8',
  connect: 'M6 1v4 M10 1v4 M4 5h8v3a4 4 0 0 1-8 0z M8 12v3',
  history: 'M8 3a5 5 0 1 1-5 5 M3 3v5h5 M8 5v3l2 2',
  'zoom-in': 'M2 13L5.5 3h1L10 13 M3.3 9.5h5.4 M12 4v5 M9.5 6.5h5',
  'zoom-out': 'M2 13L5.5 3h1L10 13 M3.3 9.5h5.4 M9.5 6.5h5',
  folder: 'M1 3h5l1.5 1.5H15V13H1z',
  file: 'M3 1h6l4 4v10H3z M9 1v4h4',
  board: 'M2 3h12v10H2z M5 1v2 M8 1v2 M11 1v2 M5 13v2 M8 13v2 M11 13v2 M5 6h6v4H5z',
};

const SVG = 'http://www.w3.org/2000/svg';

export function icon(name: keyof typeof PATHS | string, filled = false): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name] ?? PATHS.file!);
  path.setAttribute('fill', filled ? 'currentColor' : 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.5');
  path.setAttribute('stroke-linejoin', 'round');
  path.setAttribute('stroke-linecap', 'round');
  svg.append(path);
  return svg;
}
