'use strict';
// Shared by the interop scripts: "--name value" arguments (falling back to MQTT_<NAME> environment
// variables), connection options for MQTT.js, and one JSON object per stdout line for the .NET side to parse.
const fs = require('fs');
const mqtt = require('mqtt');

function parseArgs(defaults) {
  const values = { ...defaults };
  for (const key of Object.keys(values)) {
    const fromEnv = process.env['MQTT_' + key.toUpperCase().replace(/-/g, '_')];
    if (fromEnv !== undefined) values[key] = fromEnv;
  }
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in values)) fail(`unknown option --${name}; known: ${Object.keys(values).join(', ')}`);
    if (i + 1 >= argv.length) fail(`option --${name} needs a value`);
    values[name] = argv[i + 1];
  }
  return values;
}

function emit(event, fields) {
  process.stdout.write(JSON.stringify({ event, ...fields }) + '\n');
}

// Errors are reported on stdout too, so the caller sees them in the same stream it is already reading.
function fail(message) {
  emit('error', { message: String(message) });
  process.exit(1);
}

// MQTT 3.1.1, clean session, no automatic reconnect: a lost connection must show up as a failure.
// With --ca FILE it connects over TLS, trusting only that CA (the test brokers' default).
function connect(args, role) {
  const client = mqtt.connect({
    host: args.host,
    port: Number(args.port),
    ...(args.ca ? { protocol: 'mqtts', ca: fs.readFileSync(args.ca), servername: 'localhost' } : { protocol: 'mqtt' }),
    username: args.username || undefined,
    password: args.password || undefined,
    clientId: `${args['client-id'] || 'mqttjs'}-${role}-${process.pid}`,
    protocolVersion: 4,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: 10000,
  });
  client.on('error', (error) => {
    if (!client.finishing) fail(`${role}: ${error.message}`);
  });
  return client;
}

// Disconnects politely; errors from the closing socket no longer count.
async function finish(...clients) {
  for (const client of clients) client.finishing = true;
  await Promise.all(clients.map((client) => client.endAsync()));
}

function once(client, event) {
  return new Promise((resolve) => client.once(event, resolve));
}

module.exports = { parseArgs, emit, fail, connect, once, finish };
