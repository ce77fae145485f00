// Reads Lighthouse's JSON reports (given as arguments) and prints one Markdown row per page:
// the category scores and the Core Web Vitals Lighthouse measures in the lab.
const fs = require("fs");

const score = (lhr, id) => Math.round(lhr.categories[id].score * 100);
const audit = (lhr, id) => lhr.audits[id].displayValue.replace(/\u00a0/g, " ");
const mark = (value, budget) => (value >= budget ? `${value}` : `**${value}**`);

console.log("| page | performance | accessibility | best practices | LCP | CLS | TBT | FCP |");
console.log("|---|---|---|---|---|---|---|---|");
let missed = 0;
for (const file of process.argv.slice(2)) {
  const lhr = JSON.parse(fs.readFileSync(file, "utf8"));
  const path = new URL(lhr.finalDisplayedUrl).pathname;
  const [perf, a11y, best] = ["performance", "accessibility", "best-practices"].map((id) => score(lhr, id));
  if (perf < 90 || a11y < 95 || best < 95) missed++;
  console.log(
    `| \`${path}\` | ${mark(perf, 90)} | ${mark(a11y, 95)} | ${mark(best, 95)} | ` +
      ["largest-contentful-paint", "cumulative-layout-shift", "total-blocking-time", "first-contentful-paint"]
        .map((id) => audit(lhr, id))
        .join(" | ") +
      " |",
  );
}
console.log("");
console.log(missed === 0 ? "Every page met its budget." : `**${missed} page(s) missed a budget** (in bold).`);
