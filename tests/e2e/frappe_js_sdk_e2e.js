// End-to-end: the npm package frappe-js-sdk (a Frappe client nobody here
// wrote) against a running `quire serve`. Usage:
//   node frappe_js_sdk_e2e.js URL ADMIN_PASSWORD API_KEY API_SECRET
// with NODE_PATH pointing at the node_modules that holds frappe-js-sdk.
// Prints one line per check and exits non-zero on the first failure.

'use strict';
const assert = require('node:assert/strict');
const { FrappeApp } = require('frappe-js-sdk');

const [url, adminPassword, apiKey, apiSecret] = process.argv.slice(2);

// Node has no cookie jar; a browser keeps the sid cookie for the SDK's axios
// instance (withCredentials). This jar does the same job, nothing more.
function withCookieJar(app) {
  const jar = new Map();
  app.axios.interceptors.request.use((config) => {
    if (jar.size) config.headers.Cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return config;
  });
  app.axios.interceptors.response.use((response) => {
    for (const line of response.headers['set-cookie'] || []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq), value = pair.slice(eq + 1);
      if (/Max-Age=0/.test(line)) jar.delete(name); else jar.set(name, value);
    }
    return response;
  });
  return jar;
}

async function check(name, body) {
  await body();
  console.log(`ok - ${name}`);
}

async function main() {
  const app = new FrappeApp(url);
  const jar = withCookieJar(app);
  const auth = app.auth();
  const db = app.db();
  const call = app.call();

  await check('login with username and password', async () => {
    const res = await auth.loginWithUsernamePassword({ username: 'Administrator', password: adminPassword });
    assert.equal(res.message, 'Logged In');
    assert.ok(jar.get('sid'), 'sid cookie set');
    assert.equal(await auth.getLoggedInUser(), 'Administrator');
  });

  await check('a wrong password is a FrappeError with status 401', async () => {
    const other = new FrappeApp(url).auth();
    await assert.rejects(other.loginWithUsernamePassword({ username: 'Administrator', password: 'wrong' }),
      (e) => e.httpStatus === 401 && e.exc_type === 'AuthenticationError');
  });

  let names = [];
  await check('create documents', async () => {
    for (const [description, status, priority] of [['first', 'Open', 'High'], ['second', 'Closed', 'Low'],
                                                   ['third', 'Open', 'Low']]) {
      const doc = await db.createDoc('ToDo', { description, status, priority });
      assert.equal(doc.description, description);
      assert.equal(doc.doctype, 'ToDo');
      names.push(doc.name);
    }
  });

  await check('get a document', async () => {
    const doc = await db.getDoc('ToDo', names[0]);
    assert.equal(doc.name, names[0]);
    assert.equal(doc.priority, 'High');
  });

  await check('list with fields, filters, order and limit', async () => {
    const open = await db.getDocList('ToDo', {
      fields: ['name', 'description'],
      filters: [['status', '=', 'Open']],
      orderBy: { field: 'description', order: 'asc' },
      limit: 10,
    });
    assert.deepEqual(open.map((d) => d.description), ['first', 'third']);
    const either = await db.getDocList('ToDo', {
      fields: ['description'],
      orFilters: [['priority', '=', 'High'], ['status', '=', 'Closed']],
      orderBy: { field: 'description', order: 'desc' },
    });
    assert.deepEqual(either.map((d) => d.description), ['second', 'first']);
    const paged = await db.getDocList('ToDo', { fields: ['description'], orderBy: { field: 'description' },
                                                limit: 1, limit_start: 1 });
    assert.deepEqual(paged.map((d) => d.description), ['second']);
    assert.equal(await db.getCount('ToDo', [['priority', '=', 'Low']]), 2);
  });

  await check('get a value', async () => {
    const res = await db.getValue('ToDo', 'description', [['name', '=', names[1]]]);
    assert.deepEqual(res.message, { description: 'second' });
  });

  await check('update a document', async () => {
    const doc = await db.updateDoc('ToDo', names[2], { status: 'Closed' });
    assert.equal(doc.status, 'Closed');
    assert.equal((await db.getDoc('ToDo', names[2])).status, 'Closed');
  });

  await check('delete a document', async () => {
    // The SDK returns the body: Frappe v15 answers {"data": "ok"} (v14 said
    // {"message": "ok"}); quire follows v15 (spec §8.2).
    const res = await db.deleteDoc('ToDo', names[1]);
    assert.equal(res.data, 'ok');
    await assert.rejects(db.getDoc('ToDo', names[1]), (e) => e.httpStatus === 404);
  });

  await check('call methods with GET and POST', async () => {
    const res = await call.get('frappe.auth.get_logged_user');
    assert.equal(res.message, 'Administrator');
    const pong = await call.get('ping');
    assert.equal(pong.message, 'pong');
    const inserted = await call.post('frappe.client.insert', { doc: { doctype: 'ToDo', description: 'by call' } });
    assert.equal(inserted.message.description, 'by call');
    const count = await call.get('frappe.client.get_count', { doctype: 'ToDo' });
    assert.equal(count.message, 3);
  });

  await check('validation errors come back as Frappe errors', async () => {
    await assert.rejects(db.createDoc('ToDo', { status: 'Open' }),
      (e) => e.httpStatus === 417 && e.exc_type === 'MandatoryError');
  });

  await check('token authentication', async () => {
    const tokenApp = new FrappeApp(url, { useToken: true, type: 'token', token: () => `${apiKey}:${apiSecret}` });
    assert.equal(await tokenApp.auth().getLoggedInUser(), 'Administrator');
    const list = await tokenApp.db().getDocList('ToDo', { fields: ['name'], limit: 100 });
    assert.equal(list.length, 3);
  });

  await check('logout', async () => {
    await auth.logout();
    assert.equal(jar.get('sid'), undefined);
    await assert.rejects(auth.getLoggedInUser(), (e) => e.httpStatus === 403);
  });
}

main().then(
  () => console.log('frappe-js-sdk e2e: all checks passed'),
  (error) => {
    console.error('FAILED:', error && (error.stack || JSON.stringify(error)));
    process.exit(1);
  },
);
