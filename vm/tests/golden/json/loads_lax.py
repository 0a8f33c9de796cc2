# MicroPython's parser treats commas and colons as whitespace, so it accepts more than JSON.
import json
for s in ['[1,]', '{"a":}', '[1 2]', '{"a" 1}', '1.', '01', '{1: 2}', '{"a":1,}', '{"a":1 "b"}', '{"a"}']:
    print(repr(s), json.loads(s))
