// Test helper: the packages the library tests serve from a local mip index, and the network
// as main/net offers it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetService } from '../net/net-service';
import type { FakePackage } from './mip-index-builder';

/** main/net's NetService with no mirror and a throwaway cache (tests give full 127.0.0.1 addresses). */
export function testNetwork(): NetService {
  return new NetService({ cacheRoot: mkdtempSync(join(tmpdir(), 'mote-net-')), mirror: () => '', retries: 1, retryDelayMs: 10 });
}

export const PACKAGES: FakePackage[] = [
  { name: 'ssd1306', version: '0.1.0', description: 'SSD1306 OLED driver.', files: { 'ssd1306.py': 'class SSD1306:\n    pass\ndef hello():\n    return "ssd1306 ok"' } },
  { name: 'umqtt.simple', version: '1.4.0', description: 'Lightweight MQTT client.', files: { 'umqtt/simple.py': 'class MQTTClient:\n    pass' } },
  { name: 'oled-kit', version: '2.0.0', description: 'Screens and fonts.', files: { 'oled_kit.py': 'import ssd1306\ndef hello():\n    return "kit " + ssd1306.hello()' }, deps: [['ssd1306', 'latest'], ['font-small', '1.0']] },
  { name: 'font-small', version: '1.0', description: 'A font that needs ssd1306 too.', files: { 'font_small.py': 'W = 5' }, deps: [['ssd1306', '']] },
];
