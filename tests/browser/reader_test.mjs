// The web reader in headless Chromium: list → story → entity → search, the hostile article, a phone-sized
// screen and an unknown id. Screenshots go to OUT_DIR as artifacts.
//
//   node reader_test.mjs BASE_URL OUT_DIR      (tests/e2e/serve_browser_test.sh starts the server)
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [base, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const failures = [];
const expect = (cond, what) => { if (!cond) failures.push(what); };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
const page = await context.newPage();
const problems = [];
page.on("pageerror", (e) => problems.push("page error: " + e.message));
let expect404 = false;  // the unknown id's answer is logged by the browser as a failed load
page.on("console", (m) => {
  if (m.type() !== "error" || (expect404 && m.text().includes("404"))) return;
  problems.push("console error: " + m.text());
});
page.on("dialog", (d) => { problems.push("a dialog opened: " + d.message()); d.dismiss(); });

// Waits until the reader has rendered the route `prefix` (it sets body[data-ready] when done).
async function ready(prefix) {
  await page.waitForFunction((p) => (document.body.dataset.ready || "").startsWith(p), prefix, { timeout: 15000 });
}
async function shot(name, fullPage = true) { await page.screenshot({ path: join(outDir, name + ".png"), fullPage }); }
const text = (sel) => page.locator(sel).first().textContent();
const noOverflow = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

// 1. The story list, newest first, then biggest.
await page.goto(base + "/");
await ready("/");
expect(await page.locator("#stories > li").count() === 3, "the list shows the 3 stories");
await shot("1-list");
await page.click('[data-nav="biggest"]');
await page.waitForFunction(() => location.hash.includes("biggest") && document.body.dataset.ready === "/");
const firstCount = await text("#stories > li .count");
expect(firstCount.startsWith("3"), "biggest first: " + firstCount);

// 2. A story: timeline, sources, quotations side by side, entities, dates, flags.
await page.locator("#stories > li h3 a").first().click();
await ready("/story/");
expect((await text("h1")).includes("Brévannes"), "story title");
expect(await page.locator("#timeline > li").count() === 2, "two days in the timeline");
expect(await page.locator("#timeline .article").count() === 3, "three articles");
expect(await page.locator("#sources .chip").count() === 3, "three sources");
const versions = page.locator(".quote-group").first().locator(".version");
expect(await versions.count() === 3, "the quotation has three versions");
expect((await versions.nth(1).textContent()).includes("Nous ne céderons pas à ce chantage"), "each source's own wording");
expect((await text("#flags")).includes("untranslated-fragment"), "flags shown");
expect((await text("#dates")).includes("2025-06-12"), "dates shown");
expect(await page.locator('#entities [data-entity="Hélène Marchetti"]').count() === 1, "entity chip");
await page.locator("#timeline details summary").first().click();
await shot("2-story");

// 3. The entity page: chart, quotations over time, stories.
await page.click('#entities [data-entity="Hélène Marchetti"]');
await ready("/entity/");
expect((await text("h1")) === "Hélène Marchetti", "entity title");
expect(await page.locator("#chart rect.bar").count() >= 4, "chart bars");
expect(await page.locator("#entity-quotes > li").count() === 4, "four quotations");
expect(await page.locator("#entity-stories > li").count() === 2, "two stories");
await shot("3-entity");

// 4. Search: accents and endings do not matter; matches are marked.
await page.fill("#search-input", "GREVES aiguilleur");
await page.press("#search-input", "Enter");
await ready("/search");
expect(await page.locator("#results > li").count() === 3, "three results");
expect(await page.locator("#results mark").count() >= 2, "matches marked");
await shot("4-search");

// 5. The hostile article: markup in the data stays text, no script runs, nothing overflows.
await page.goto(base + "/#/?source=" + encodeURIComponent("Le Petit Vaudracois"));
await ready("/");
await page.locator("#stories > li h3 a").first().click();
await ready("/story/");
expect((await text("h1")).startsWith("<script>window.__pwned=1</script>"), "the title shows its markup as text");
expect(await page.evaluate(() => window.__pwned === undefined), "no script from the data ran");
expect(await page.locator("#app script, #app img, #app b, #app i").count() === 0, "no element made from the data");
expect(await page.locator('a[href^="javascript:"]').count() === 0, "no javascript: link");
expect((await text(".quote-group blockquote")).includes("<sincère> & équilibré \ufffd"), "quotation as text, bad bytes as U+FFFD");
expect((await text("#flags")).includes("<script>"), "a hostile flag shown as text");
await page.locator("#timeline details summary").first().click();
expect((await page.locator("#timeline .text").first().textContent()).length > 30000, "the very long text is all there");
expect(await noOverflow(), "the very long word does not widen the page");
await shot("5-hostile");

// 6. A phone-sized screen.
await page.setViewportSize({ width: 390, height: 844 });
await page.goto(base + "/#/?sort=biggest");
await ready("/");
await page.locator("#stories > li h3 a").first().click();
await ready("/story/");
expect(await noOverflow(), "no horizontal scroll on a phone");
await shot("6-phone-story");

// 7. An unknown story.
expect404 = true;
await page.goto(base + "/#/story/s999999");
await ready("error");
expect((await text("#error")).includes("no story"), "unknown story message");
await shot("7-not-found", false);

await browser.close();
for (const p of problems) failures.push(p);
for (const f of failures) console.log("FAIL: " + f);
console.log(`reader_test: ${failures.length ? failures.length + " failures" : "ok"}; screenshots in ${outDir}`);
process.exit(failures.length ? 1 : 0);
