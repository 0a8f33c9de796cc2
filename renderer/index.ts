// The renderer's entry point: styles, then the app. Kept tiny so startup cost is visible in app/.
import '@xterm/xterm/css/xterm.css';
import 'uplot/dist/uPlot.min.css';
import './styles/base.css';
import './styles/themes.css';
import './styles/layout.css';
import './styles/panels.css';
import { startApp } from './app/app';

startApp(document.getElementById('app')!);
