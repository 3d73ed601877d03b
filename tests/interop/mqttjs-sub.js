'use strict';
// Subscribes with MQTT.js and prints every message as a JSON line:
//   {"event":"ready"} once the SUBACK arrived, then
//   {"event":"message","topic":...,"qos":1,"retain":false,"dup":false,"payloadBase64":"..."} per message,
//   {"event":"done","count":N} after --count messages (then it disconnects and exits 0).
// Usage: node mqttjs-sub.js --host 127.0.0.1 --port 1883 --username u --password p --topic t --qos 1 --count 1
const { parseArgs, emit, fail, connect, once, finish } = require('./cli');

const args = parseArgs({ host: '127.0.0.1', port: '1883', ca: '', username: '', password: '', topic: '', qos: '1', count: '1', 'client-id': 'mqttjs' });
if (!args.topic) fail('--topic is required');

async function main() {
  const expected = Number(args.count);
  const client = connect(args, 'sub');
  let received = 0;
  // A retained message follows the SUBACK on the wire, but MQTT.js may emit it before the subscribe promise
  // resolves: hold such messages back so "ready" always comes first, as the caller expects.
  let ready = false;
  const early = [];
  const print = (topic, payload, packet) => {
    emit('message', { topic, qos: packet.qos, retain: packet.retain, dup: packet.dup, payloadBase64: payload.toString('base64') });
    received++;
    if (received === expected) {
      emit('done', { count: received });
      finish(client).then(() => process.exit(0), fail);
    }
  };
  client.on('message', (topic, payload, packet) => {
    if (ready) print(topic, payload, packet);
    else early.push([topic, payload, packet]);
  });
  await once(client, 'connect');
  const granted = await client.subscribeAsync(args.topic, { qos: Number(args.qos) });
  if (granted.some((grant) => grant.qos === 128)) fail(`subscription to ${args.topic} refused`);
  emit('ready', { granted: granted.map((grant) => grant.qos) });
  ready = true;
  for (const message of early) print(...message);
}

main().catch(fail);
