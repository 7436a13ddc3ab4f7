// The JavaScript peer of bench/extraction_bench.sh: Mozilla Readability (Firefox's Reader View) on a
// linkedom document, for each JSON line {"id", "html"} of INPUT; writes {"id", "title", "text"} lines.
//   node bench/js/readability_extract.mjs INPUT.jsonl OUTPUT.jsonl
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: readability_extract.mjs INPUT.jsonl OUTPUT.jsonl");
  process.exit(2);
}
const out = createWriteStream(output);
let pages = 0, failed = 0;
for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const rec = JSON.parse(line);
  let title = null, text = null;
  try {
    const { document } = parseHTML(rec.html);
    const article = new Readability(document).parse();
    if (article) {
      title = article.title;
      text = article.textContent;
    }
  } catch (e) {
    failed++;
  }
  pages++;
  if (!out.write(JSON.stringify({ id: rec.id, title, text }) + "\n")) {
    await new Promise((resolve) => out.once("drain", resolve));
  }
}
out.end();
console.error(`readability_extract: ${pages} pages, ${failed} failed`);
