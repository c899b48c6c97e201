/*
 * The editorial flow of issue 4 in Debian's chromium, driven by npm's
 * playwright-core (never a downloaded browser).  Run by
 * tests/http/test_admin_browser.py with:
 *   BASE_URL     the site (nginx of the test stack)
 *   EDITOR, EDITOR2, PASSWORD   two editors' logins and their password
 *   JS           "on" or "off": the whole flow with JavaScript disabled too
 *   PROFILE_DIR  a fresh --user-data-dir; SHOTS_DIR for failure screenshots
 *
 * An editor signs in, writes a joint statement with two signatory
 * organisations, previews it, schedules it a few seconds ahead, and sees
 * it appear on the public site and in its feed when its time comes; a
 * second editor's stale save meets the conflict page with the text intact,
 * and submitting it again from there saves it.
 */
'use strict';

const { chromium } = require('playwright-core');
const path = require('path');

const base = process.env.BASE_URL;
const js = process.env.JS !== 'off';
const pw = process.env.PASSWORD;
const run = Date.now().toString(36) + (js ? 'j' : 'n');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];

function fail(msg) {
	throw new Error(msg);
}

function check(cond, msg) {
	if (!cond)
		fail(msg);
}

/* "YYYY-MM-DDTHH:MM:SS" in UTC, t seconds from now. */
function utcIn(seconds) {
	return new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19);
}

async function signIn(page, login) {
	await page.goto(base + '/admin/login');
	await page.getByLabel('Login').fill(login);
	await page.getByLabel('Password').fill(pw);
	await Promise.all([page.waitForURL(/\/admin\/(\?.*)?$/),
	    page.getByRole('button', { name: 'Sign in' }).click()]);
}

async function itemIdOf(page) {
	const m = new URL(page.url()).pathname.match(/\/admin\/items\/(\d+)$/);
	check(m, 'not on an item page: ' + page.url());
	return m[1];
}

/* A browser with a fresh profile of its own. */
function launch(dir) {
	return chromium.launchPersistentContext(dir, {
		executablePath: '/usr/bin/chromium',
		args: ARGS,
		javaScriptEnabled: js,
	});
}

async function main() {
	const ctx = await launch(process.env.PROFILE_DIR);
	const page = ctx.pages()[0] || await ctx.newPage();
	page.setDefaultTimeout(30000);
	/* admin.js asks before leaving a changed form: leave. */
	ctx.on('page', (p) => p.on('dialog', (d) => d.accept()));
	page.on('dialog', (d) => d.accept());
	try {
		await flow(ctx, page);
	} catch (e) {
		if (process.env.SHOTS_DIR)
			await page.screenshot({ path: path.join(
			    process.env.SHOTS_DIR, 'failure.png'),
			    fullPage: true }).catch(() => {});
		console.log('at ' + page.url());
		console.log((await page.content().catch(() => '')).slice(0,
		    4000));
		throw e;
	} finally {
		await ctx.close();
	}
}

async function flow(ctx, page) {
	const title = 'Joint statement on safe supply ' + run;

	await signIn(page, process.env.EDITOR);

	/* A new statement. */
	await page.goto(base + '/admin/items/new?kind=statement&lang=en');
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Summary', { exact: true }).fill(
	    'Partners ask for a regulated supply to end poisonings.');
	await page.getByLabel('Body', { exact: true }).fill(
	    'We, the undersigned organisations, call for a safe supply.\n\n' +
	    'Poisoned street drugs kill our members every week.');
	const orgs = page.locator('select[name="sig_org"]');
	check(await orgs.count() >= 2, 'fewer than two signatory rows');
	const values = [];
	for (const o of await orgs.nth(0).locator('option').all()) {
		const v = await o.getAttribute('value');
		if (v)
			values.push(v);
	}
	check(values.length >= 2, 'fewer than two organisations to choose');
	await orgs.nth(0).selectOption(values[0]);
	await orgs.nth(1).selectOption(values[1]);
	await Promise.all([page.waitForURL(/\/admin\/items\/\d+/),
	    page.getByRole('button', { name: /^Save/ }).first().click()]);
	const id = await itemIdOf(page);
	check((await page.content()).includes(title), 'saved page lacks title');
	console.log('created item ' + id);

	/* Preview: the draft rendered as the public page, in a new tab. */
	const [preview] = await Promise.all([ctx.waitForEvent('page'),
	    page.getByRole('button', { name: /Preview/ }).first().click()]);
	await preview.waitForLoadState();
	const ptext = await preview.content();
	check(ptext.includes(title), 'preview lacks the title');
	check(/[Pp]review/.test(ptext), 'preview has no banner');
	await preview.close();

	/* Not public yet. */
	const slugPath = await publicPath(page, id);
	let r = await page.request.get(base + slugPath);
	check(r.status() === 404, 'draft is public: ' + r.status());

	/* Schedule it 20 seconds ahead. */
	const when = page.locator('form[action$="/status"] input[name="published_at"]').first();
	await when.fill(utcIn(20));
	await Promise.all([page.waitForURL(/done=(scheduled|published)/),
	    page.locator('form[action$="/status"]:has(input[name="published_at"]) button').first().click()]);
	check(/done=scheduled/.test(page.url()), 'not scheduled: ' + page.url());
	r = await page.request.get(base + slugPath);
	check(r.status() === 404, 'scheduled item public too early');

	/* Its time comes: the page and the feed show it. */
	let seen = false;
	for (let i = 0; i < 60 && !seen; i++) {
		await new Promise((res) => setTimeout(res, 1000));
		r = await page.request.get(base + slugPath);
		seen = r.status() === 200;
	}
	check(seen, 'scheduled item never appeared at ' + slugPath);
	await page.goto(base + slugPath);
	const pub = await page.content();
	check(pub.includes(title), 'public page lacks the title');
	const feed = await page.request.get(base + '/en/statements/feed.atom');
	check((await feed.text()).includes(title), 'feed lacks the item');

	/* A second editor, in a browser of their own, saves while the first
	 * has the form open. */
	await page.goto(base + '/admin/items/' + id);
	const ctx2 = await launch(process.env.PROFILE_DIR + '-2');
	try {
		const page2 = ctx2.pages()[0] || await ctx2.newPage();
		page2.setDefaultTimeout(30000);
		page2.on('dialog', (d) => d.accept());
		await signIn(page2, process.env.EDITOR2);
		await page2.goto(base + '/admin/items/' + id);
		await page2.getByLabel('Summary', { exact: true }).fill(
		    'Edited by the second editor ' + run);
		await Promise.all([page2.waitForURL(/done=saved/),
		    page2.getByRole('button', { name: /^Save/ }).first()
		    .click()]);
	} finally {
		await ctx2.close();
	}

	/* The first editor's stale save meets the conflict page. */
	const mine = 'My paragraph that must not be lost ' + run;
	await page.getByLabel('Body', { exact: true }).fill(mine);
	await page.getByRole('button', { name: /^Save/ }).first().click();
	await page.waitForLoadState();
	let html = await page.content();
	check(/conflict|Someone else saved|saved this item/i.test(html),
	    'no conflict page');
	check(html.includes('Edited by the second editor ' + run),
	    'conflict page lacks the other version');
	const kept = await page.getByLabel('Body', { exact: true }).inputValue();
	check(kept === mine, 'my text was not kept: ' + kept.slice(0, 80));
	/* Submitting again from the conflict page saves my text. */
	await Promise.all([page.waitForURL(/done=saved/),
	    page.getByRole('button', { name: /^Save/ }).first().click()]);
	/* Fetched, not visited: the browser may keep the page it saw for
	 * the site's cache_seconds. */
	const after = await page.request.get(base + slugPath);
	check((await after.text()).includes(mine),
	    'public page lacks my text after re-submitting');
	/* With JavaScript, text typed and left unsaved is offered back. */
	if (js) {
		const lost = 'Typed, then the tab was closed ' + run;
		await page.goto(base + '/admin/items/' + id);
		await page.getByLabel('Body', { exact: true }).fill(lost);
		await page.goto(base + '/admin/items/');
		await page.goto(base + '/admin/items/' + id);
		check(await page.locator('.backup-offer').count() === 1,
		    'no offer of the unsaved text');
		await page.getByRole('button', { name: 'Restore my text' })
		    .click();
		check(await page.getByLabel('Body', { exact: true })
		    .inputValue() === lost, 'unsaved text not restored');
	}
	console.log('editorial flow: ok (JavaScript ' + (js ? 'on' : 'off') +
	    ')');
}

/* The public path of item id, from the slug field of its edit page. */
async function publicPath(page, id) {
	const html = await (await page.request.get(base + '/admin/items/' +
	    id)).text();
	const m = html.match(/<input[^>]*name="slug"[^>]*value="([a-z0-9-]+)"/) ||
	    html.match(/<input[^>]*value="([a-z0-9-]+)"[^>]*name="slug"/);
	check(m, 'edit page has no slug field');
	return '/en/statements/' + m[1];
}

main().then(() => process.exit(0), (e) => {
	console.log('editorial flow failed: ' + e.message);
	process.exit(1);
});
