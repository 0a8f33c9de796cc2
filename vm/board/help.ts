// help() as a board prints it: the port's welcome text with its quick reference, help('modules'),
// and help(obj) listing an object's attributes ("  name -- value"), as py/builtinhelp.c does.

import type { BoardProfile } from './profiles/profile';
import { fn, None, type PyObj } from './py';
import { repr, str } from '../runtime/ops';
import { typeOf } from '../objects/object';

const CONTROL_KEYS = `Useful control commands:
  CTRL-C -- interrupt a running program
  CTRL-D -- on a blank line, do a soft reset of the board
  CTRL-E -- on a blank line, enter paste mode

For further help on a specific object, type help(obj)
For a list of available modules, type help('modules')
`;

function welcome(p: BoardProfile): string {
  if (p.flavour === 'circuitpython') {
    return `Welcome to Adafruit CircuitPython ${p.versionTag}!

This is a simulated ${p.boardName.replace(' (simulated)', '')}. Visit circuitpython.org for more information.

To list built-in modules type \`help("modules")\`.
`;
  }
  const hw =
    p.platform === 'rp2'
      ? `For access to the hardware use the 'machine' module.  RP2 specific commands
are in the 'rp2' module.

Quick overview of some objects:
  machine.Pin(pin) -- get a pin, eg machine.Pin(0)
  machine.Pin(pin, m, [p]) -- get a pin and configure it for IO mode m, pull mode p
    methods: init(..), value([v]), high(), low(), irq(handler)
  machine.ADC(pin) -- make an analog object from a pin
    methods: read_u16()
  machine.PWM(pin) -- make a PWM object from a pin
    methods: deinit(), freq([f]), duty_u16([d]), duty_ns([d])
  machine.I2C(id) -- create an I2C object (id=0,1)
    methods: readfrom(addr, buf, stop=True), writeto(addr, buf, stop=True)
             readfrom_mem(addr, memaddr, arg), writeto_mem(addr, memaddr, arg)
  machine.Timer(freq, callback) -- create a software timer object
    eg: machine.Timer(freq=1, callback=lambda t:print(t))

Pins are numbered 0-29, and 26-29 have ADC capabilities
Pin IO modes are: Pin.IN, Pin.OUT, Pin.ALT
Pin pull modes are: Pin.PULL_UP, Pin.PULL_DOWN
`
      : `For access to the hardware use the 'machine' module:

import machine
pin12 = machine.Pin(12, machine.Pin.OUT)
pin12.value(1)
pin13 = machine.Pin(13, machine.Pin.IN, machine.Pin.PULL_UP)
print(pin13.value())
i2c = machine.I2C(scl=machine.Pin(21), sda=machine.Pin(22))
i2c.scan()
`;
  return `Welcome to MicroPython!

For online docs please visit https://docs.micropython.org/

${hw}
${CONTROL_KEYS}`;
}

/** Module names help('modules') lists: the VM's standard ones plus the board's. */
export function moduleList(p: BoardProfile): string[] {
  const std = ['array', 'binascii', 'builtins', 'cmath', 'collections', 'errno', 'framebuf', 'gc', 'hashlib', 'heapq', 'io', 'json', 'math', 'micropython', 'os', 'random', 're', 'select', 'struct', 'sys', 'time', 'asyncio'];
  const board = p.flavour === 'circuitpython'
    ? ['adafruit_pixelbuf', 'analogio', 'board', 'busio', 'digitalio', 'microcontroller', 'neopixel', 'neopixel_write', 'pwmio', 'rainbowio', 'storage', 'supervisor']
    : ['_onewire', '_thread', 'machine', 'neopixel', 'vfs', ...(p.platform === 'rp2' ? ['rp2'] : p.platform === 'esp32' ? ['esp'] : [])];
  return [...new Set([...std, ...board, '__main__'])].sort();
}

function columns(names: string[]): string {
  const w = 18;
  let out = '';
  for (let i = 0; i < names.length; i += 4) {
    out += names.slice(i, i + 4).map((n, j, row) => (j < row.length - 1 ? n.padEnd(w) : n)).join('') + '\n';
  }
  return out;
}

/**
 * The board's help builtin. `dir` and `getattr` are the VM's builtins, used to list attributes.
 */
export function makeHelp(p: BoardProfile, write: (text: string) => void, call: (f: PyObj, ...a: PyObj[]) => PyObj, builtins: () => Record<string, PyObj>) {
  return fn('help', (a) => {
    if (a.length === 0) {
      write(welcome(p));
      return None;
    }
    const obj = a[0];
    if (obj === 'modules') {
      write(columns(moduleList(p)) + 'Plus any modules on the filesystem\n');
      return None;
    }
    write(`object ${str(obj)} is of type ${typeOf(obj).name}\n`);
    const b = builtins();
    const names = (call(b.dir, obj) as { items: string[] }).items;
    for (const n of names) {
      if (n.startsWith('__') && n !== '__name__') continue;
      let v: PyObj;
      try {
        v = call(b.getattr, obj, n);
      } catch {
        continue;
      }
      write(`  ${n} -- ${typeof v === 'string' ? v : safeStr(v)}\n`);
    }
    return None;
  });
}

function safeStr(v: PyObj): string {
  try {
    return str(v);
  } catch {
    return repr(v);
  }
}
