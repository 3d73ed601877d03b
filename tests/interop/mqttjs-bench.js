'use strict';
// The MQTT.js half of `./lockers bench mqtt`; the .NET half (bench/Lockers.Bench/Mqtt) does exactly the same work.
//   --mode throughput: publish --messages QoS 1 messages of --size bytes, at most --window unacknowledged at a
//     time, and time from the first publish to the last PUBACK. Prints {"event":"throughput","messages":N,"seconds":S,
//     "cpuSeconds":C}, C being the CPU time (user + system) this process used meanwhile.
//   --mode roundtrip: a publisher and a subscriber (two connections); --roundtrips QoS 1 messages one after the
//     other, each timed from publish to arrival at the subscriber (the next starts once it arrived and was
//     acknowledged). Prints {"event":"roundtrip","samplesMs":[...]}; the .NET side computes the percentiles.
// Both modes first do --warmup unrecorded iterations, as the .NET side does.
const { parseArgs, emit, fail, connect, once, finish } = require('./cli');

const args = parseArgs({
  host: '127.0.0.1', port: '1883', ca: '', username: '', password: '', topic: '', mode: 'throughput',
  messages: '50000', window: '100', size: '100', roundtrips: '2000', warmup: '0', 'client-id': 'mqttjs-bench',
});
if (!args.topic) fail('--topic is required');
const size = Number(args.size);

function publishWindowed(client, topic, count, window) {
  const payload = Buffer.alloc(size, 0x61);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let acknowledged = 0;
    let inFlight = 0;
    const pump = () => {
      while (inFlight < window && sent < count) {
        inFlight++;
        sent++;
        client.publish(topic, payload, { qos: 1 }, (error) => {
          if (error) return reject(error);
          inFlight--;
          acknowledged++;
          if (acknowledged === count) resolve();
          else pump();
        });
      }
    };
    if (count === 0) resolve(); else pump();
  });
}

async function throughput() {
  const client = connect(args, 'pub');
  await once(client, 'connect');
  const window = Number(args.window);
  await publishWindowed(client, args.topic + '/warmup', Number(args.warmup), window);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  await publishWindowed(client, args.topic, Number(args.messages), window);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  emit('throughput', { messages: Number(args.messages), seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
  await finish(client);
}

// The payload starts with the sequence number, so a late or foreign message is never mistaken for the awaited one.
function sequencedPayload(sequence) {
  const payload = Buffer.alloc(Math.max(size, 12), 0x62);
  payload.write(String(sequence).padStart(10, '0'), 0, 'latin1');
  return payload;
}

async function roundTrip() {
  const publisher = connect(args, 'rt-pub');
  const subscriber = connect(args, 'rt-sub');
  await Promise.all([once(publisher, 'connect'), once(subscriber, 'connect')]);
  await subscriber.subscribeAsync(args.topic, { qos: 1 });
  let awaited = null;
  subscriber.on('message', (topic, payload) => {
    const arrived = process.hrtime.bigint();
    if (awaited && payload.toString('latin1', 0, 10) === awaited.key) awaited.resolve(arrived);
  });
  const samples = [];
  const total = Number(args.warmup) + Number(args.roundtrips);
  for (let i = 0; i < total; i++) {
    const key = String(i).padStart(10, '0');
    const arrival = new Promise((resolve) => { awaited = { key, resolve }; });
    const started = process.hrtime.bigint();
    const acknowledged = publisher.publishAsync(args.topic, sequencedPayload(i), { qos: 1 });
    const arrived = await arrival;
    await acknowledged;
    if (i >= Number(args.warmup)) samples.push(Number(arrived - started) / 1e6);
  }
  emit('roundtrip', { samplesMs: samples });
  await finish(publisher, subscriber);
}

const modes = { throughput, roundtrip: roundTrip };
if (!modes[args.mode]) fail(`unknown --mode ${args.mode}; use throughput or roundtrip`);
modes[args.mode]().then(() => process.exit(0), fail);
