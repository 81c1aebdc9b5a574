#!/usr/bin/env node
// Renders the math corpus with KaTeX (the oracle; Debian package `katex`) and writes what the
// TeXMath tests compare against, so the tests need no node:
//   node scripts/katex-corpus.js            reads  Tests/TeXMathTests/Fixtures/corpus.tsv
//                                           writes Tests/TeXMathTests/Fixtures/katex-corpus.json
//   node scripts/katex-corpus.js --show TEX prints KaTeX's MathML for one formula (display style)
// For each formula the fixture keeps KaTeX's leaf tokens (mi mn mo mtext, in order, with
// `mathvariant` folded into Unicode mathematical alphanumerics, as our converter emits them) and
// the nesting of the layout elements the tests compare.
"use strict";
const fs = require("fs");
const path = require("path");
let katex;
try { katex = require("/usr/share/nodejs/katex"); } catch (e) {
  try { katex = require("katex"); } catch (e2) {
    console.error("katex-corpus: KaTeX not found; install it with: apt-get install -y katex");
    process.exit(1);
  }
}

const root = path.join(__dirname, "..");
const input = path.join(root, "Tests/TeXMathTests/Fixtures/corpus.tsv");
const output = path.join(root, "Tests/TeXMathTests/Fixtures/katex-corpus.json");
const layout = new Set(["mfrac", "msub", "msup", "msubsup", "munder", "mover", "munderover", "msqrt", "mroot", "mtable"]);
const leaves = new Set(["mi", "mn", "mo", "mtext"]);

// KaTeX (like MathJax) rejects `_\boldsymbol{x}`, which MathJax-era articles use (the seed does):
// for the oracle only, such an argument is braced. The fixture records the rewritten TeX.
function oracleTeX(tex) {
  return tex.replace(/([_^])\s*(\\[A-Za-z]+\{[^{}]*\})/g, "$1{$2}");
}

// mathvariant -> Unicode mathematical alphanumerics (Unicode 15, chapter 22.2), holes included.
const holes = {
  "italic": { h: 0x210E },
  "script": { B: 0x212C, E: 0x2130, F: 0x2131, H: 0x210B, I: 0x2110, L: 0x2112, M: 0x2133, R: 0x211B,
              e: 0x212F, g: 0x210A, o: 0x2134 },
  "fraktur": { C: 0x212D, H: 0x210C, I: 0x2111, R: 0x211C, Z: 0x2128 },
  "double-struck": { C: 0x2102, H: 0x210D, N: 0x2115, P: 0x2119, Q: 0x211A, R: 0x211D, Z: 0x2124 },
};
const latinBase = { "bold": 0x1D400, "italic": 0x1D434, "bold-italic": 0x1D468, "script": 0x1D49C,
  "bold-script": 0x1D4D0, "fraktur": 0x1D504, "double-struck": 0x1D538, "bold-fraktur": 0x1D56C,
  "sans-serif": 0x1D5A0, "bold-sans-serif": 0x1D5D4, "sans-serif-italic": 0x1D608,
  "sans-serif-bold-italic": 0x1D63C, "monospace": 0x1D670 };
const digitBase = { "bold": 0x1D7CE, "double-struck": 0x1D7D8, "sans-serif": 0x1D7E2,
  "bold-sans-serif": 0x1D7EC, "monospace": 0x1D7F6 };
const greekBase = { "bold": 0x1D6A8, "italic": 0x1D6E2, "bold-italic": 0x1D71C };
// Order of the Greek block of each style: capitals Α..Ω (with ϴ after Ρ), ∇, α..ω, ∂ ϵ ϑ ϰ ϕ ϱ ϖ.
const greek = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡϴΣΤΥΦΧΨΩ∇αβγδεζηθικλμνξοπρςστυφχψω∂ϵϑϰϕϱϖ";

function styled(ch, variant) {
  if (!variant || variant === "normal") return ch;
  if (holes[variant] && holes[variant][ch]) return String.fromCodePoint(holes[variant][ch]);
  const c = ch.codePointAt(0);
  if (latinBase[variant] !== undefined) {
    if (c >= 65 && c <= 90) return String.fromCodePoint(latinBase[variant] + c - 65);
    if (c >= 97 && c <= 122) return String.fromCodePoint(latinBase[variant] + 26 + c - 97);
  }
  if (digitBase[variant] !== undefined && c >= 48 && c <= 57) return String.fromCodePoint(digitBase[variant] + c - 48);
  const g = [...greek].indexOf(ch);
  if (greekBase[variant] !== undefined && g >= 0) return String.fromCodePoint(greekBase[variant] + g);
  return ch;
}

function text(node) {
  if (node.text !== undefined) return node.text;
  return (node.children || []).map(text).join("");
}

function walk(node, variant, acc) {
  if (node.text !== undefined) return;
  const type = node.type;
  const v = (node.attributes && node.attributes.mathvariant) || variant;
  // KaTeX sometimes wraps layout inside a token (`<mi><mrow>..</mrow></mi>`): only a token that
  // holds text alone is a leaf.
  if (leaves.has(type) && (node.children || []).every((c) => c.text !== undefined)) {
    let t = text(node).replace(/\u00a0/g, " ");
    if (type !== "mtext") t = [...t].map((ch) => styled(ch, v)).join("");
    acc.tokens.push(type + ":" + t);
    return;
  }
  if (type === "annotation") return;
  if (layout.has(type)) acc.structure += type + "(";
  for (const child of node.children || []) walk(child, v, acc);
  if (layout.has(type)) acc.structure += ")";
}

function mathNode(tex, display) {
  const tree = katex.__renderToDomTree(tex, { output: "mathml", displayMode: display, throwOnError: true });
  // The tree is <span class="katex"><math>...</math></span>.
  let node = tree;
  while (node && node.type !== "math") node = (node.children || [])[0];
  return node;
}

if (process.argv[2] === "--show") {
  const tex = process.argv[3] || "";
  console.log(katex.renderToString(tex, { output: "mathml", displayMode: true, throwOnError: false }));
  const acc = { tokens: [], structure: "" };
  walk(mathNode(oracleTeX(tex), true), null, acc);
  console.log(JSON.stringify(acc));
  process.exit(0);
}

const entries = [];
let failures = 0;
for (const line of fs.readFileSync(input, "utf8").split("\n")) {
  if (line === "" || line.startsWith("#")) continue;
  const [group, style, ...rest] = line.split("\t");
  const tex = rest.join("\t");
  const display = style === "display";
  const used = oracleTeX(tex);
  const entry = { group, display, tex };
  if (used !== tex) entry.katexTeX = used;
  try {
    const acc = { tokens: [], structure: "" };
    walk(mathNode(used, display), null, acc);
    entry.tokens = acc.tokens;
    entry.structure = acc.structure;
  } catch (e) {
    failures += 1;
    entry.katexError = String(e.message || e);
    console.error(`katex-corpus: KaTeX rejects ${JSON.stringify(tex)}: ${entry.katexError}`);
  }
  entries.push(entry);
}
// One formula per line keeps diffs of the fixture readable.
const body = entries.map((e) => "  " + JSON.stringify(e)).join(",\n");
fs.writeFileSync(output, `{"katex": ${JSON.stringify(katex.version)}, "formulas": [\n${body}\n]}\n`);
console.log(`katex-corpus: ${entries.length} formulas (${failures} rejected by KaTeX) -> ${path.relative(root, output)}`);
