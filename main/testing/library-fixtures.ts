// Test helper: the packages the library tests serve from a local mip index, and a stand-in
// for main/net's NetService (one GET; a 404 or a cut-short body become MoteErrors, as there).
import { get } from 'node:http';
import { MoteError } from '../../shared/errors';
import type { LibraryNetwork } from '../libraries/library-service';
import type { FakePackage } from './mip-index-builder';

/** Stands in for main/net's NetService: one GET, 404 and a cut-short body as errors. */
export const testNetwork: LibraryNetwork = {
  fetchBytes: ({ url }) =>
    new Promise((resolve, reject) => {
      get(url, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new MoteError('network', `${url} does not exist on the server (${res.statusCode}).`));
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => reject(new MoteError('network', `The connection to ${url} broke off.`)));
        res.on('close', () => {
          const body = Buffer.concat(chunks);
          if (body.length !== Number(res.headers['content-length'])) reject(new MoteError('network', `The connection ended after ${body.length} bytes of ${url}.`));
          else resolve(body);
        });
      }).on('error', (e) => reject(new MoteError('network', e.message)));
    }),
};

export const PACKAGES: FakePackage[] = [
  { name: 'ssd1306', version: '0.1.0', description: 'SSD1306 OLED driver.', files: { 'ssd1306.py': 'class SSD1306:\n    pass\ndef hello():\n    return "ssd1306 ok"' } },
  { name: 'umqtt.simple', version: '1.4.0', description: 'Lightweight MQTT client.', files: { 'umqtt/simple.py': 'class MQTTClient:\n    pass' } },
  { name: 'oled-kit', version: '2.0.0', description: 'Screens and fonts.', files: { 'oled_kit.py': 'import ssd1306\ndef hello():\n    return "kit " + ssd1306.hello()' }, deps: [['ssd1306', 'latest'], ['font-small', '1.0']] },
  { name: 'font-small', version: '1.0', description: 'A font that needs ssd1306 too.', files: { 'font_small.py': 'W = 5' }, deps: [['ssd1306', '']] },
];
