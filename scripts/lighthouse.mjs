// Lighthouse on several pages in one Chromium: mobile profile, simulated slow 4G (Lighthouse's defaults).
// Usage: node scripts/lighthouse.mjs '{"chrome": "/usr/bin/chromium", "flags": [...], "urls": [...],
//                                     "categories": ["performance", ...], "settings": {...}}'
// "settings" (optional) are Lighthouse settings such as pauseAfterLoadMs, over its defaults.
// Prints one JSON object: {url: {scores: {category: 0-100}, metrics: {lcp_ms, cls, tbt_ms, fcp_ms, si_ms}, failed: [...]}}.
// Pages run one after another: in parallel they would share the CPU and skew each other's simulated timings.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const request = JSON.parse(process.argv[2]);
const chrome = await chromeLauncher.launch({
  chromePath: request.chrome,
  chromeFlags: ["--headless=new", ...request.flags],
  logLevel: "silent",
});
const results = {};
try {
  for (const url of request.urls) {
    const runner = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: request.categories,
      ...(request.settings || {}),
    });
    const lhr = runner.lhr;
    if (lhr.runtimeError) {
      results[url] = {error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`};
      continue;
    }
    const audit = id => lhr.audits[id];
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score === null ? null : Math.round(c.score * 100)]));
    // What cost a category its points: failing audits that carry weight, with Lighthouse's own title.
    const failed = [];
    for (const [id, category] of Object.entries(lhr.categories)) {
      if (id === "performance") continue;
      for (const ref of category.auditRefs) {
        const a = audit(ref.id);
        if (ref.weight > 0 && a.score !== null && a.score < 1) failed.push(`${id}: ${ref.id}: ${a.title}`);
      }
    }
    const metric = id => (audit(id) ? audit(id).numericValue : null);
    results[url] = {
      scores,
      failed,
      metrics: {
        fcp_ms: metric("first-contentful-paint"),
        lcp_ms: metric("largest-contentful-paint"),
        tbt_ms: metric("total-blocking-time"),
        cls: metric("cumulative-layout-shift"),
        si_ms: metric("speed-index"),
      },
      opportunities: request.details ? details(lhr) : undefined,
    };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results) + "\n");

// For measuring what to improve (not used by the tests): render-blocking resources and LCP breakdown.
function details(lhr) {
  const pick = id => lhr.audits[id] && {score: lhr.audits[id].score, value: lhr.audits[id].displayValue,
    items: (lhr.audits[id].details?.items || []).slice(0, 8)};
  return {
    "render-blocking-resources": pick("render-blocking-resources"),
    "largest-contentful-paint-element": pick("largest-contentful-paint-element"),
    "layout-shifts": pick("layout-shifts"),
    "network-requests": (lhr.audits["network-requests"]?.details?.items || []).map(i => [i.url, i.transferSize, i.resourceType]),
    "mainthread-work-breakdown": pick("mainthread-work-breakdown"),
    "dom-size": pick("dom-size"),
    "font-size": pick("font-size"),
    "bootup-time": pick("bootup-time"),
    "long-tasks": pick("long-tasks"),
  };
}
