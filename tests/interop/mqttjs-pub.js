'use strict';
// Publishes --count copies of one payload with MQTT.js, waits for every PUBACK (QoS 1) or write (QoS 0),
// prints {"event":"published","count":N} and exits 0.
// The payload is --payload-base64 (exact bytes) or else --payload (UTF-8 text).
// Usage: node mqttjs-pub.js --host 127.0.0.1 --port 1883 --username u --password p --topic t --qos 1 --retain false --count 1 --payload hi
const { parseArgs, emit, fail, connect, once, finish } = require('./cli');

const args = parseArgs({
  host: '127.0.0.1', port: '1883', ca: '', username: '', password: '', topic: '', qos: '1', retain: 'false', count: '1',
  payload: '', 'payload-base64': '', 'client-id': 'mqttjs',
});
if (!args.topic) fail('--topic is required');

async function main() {
  const payload = args['payload-base64'] ? Buffer.from(args['payload-base64'], 'base64') : Buffer.from(args.payload, 'utf8');
  const client = connect(args, 'pub');
  await once(client, 'connect');
  const options = { qos: Number(args.qos), retain: args.retain === 'true' };
  for (let i = 0; i < Number(args.count); i++) {
    await client.publishAsync(args.topic, payload, options);
  }
  emit('published', { count: Number(args.count) });
  await finish(client);
}

main().then(() => process.exit(0), fail);
