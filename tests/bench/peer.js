// The peer for make bench: Microsoft Recognizers-Text, Chinese culture, the number model and the
// number-with-unit models (currency, dimension, temperature, age), over JSON Lines {"id", "text"}.
// Models are built once, before the clock starts, so only recognition is timed.
// usage: node peer.js CORPUS.jsonl NODE_MODULES_DIR  ->  "seconds bytes articles results" on stdout
'use strict';
const fs = require('fs');
const path = require('path');
const dir = path.resolve(process.argv[3], '@microsoft');
const suite = require(path.join(dir, 'recognizers-text-suite'));
const { NumberRecognizer } = require(path.join(dir, 'recognizers-text-number'));
const { NumberWithUnitRecognizer } = require(path.join(dir, 'recognizers-text-number-with-unit'));

const culture = suite.Culture.Chinese;
const num = new NumberRecognizer(culture);
const unit = new NumberWithUnitRecognizer(culture);
const models = [num.getNumberModel(), unit.getCurrencyModel(), unit.getDimensionModel(),
                unit.getTemperatureModel(), unit.getAgeModel()];

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length > 0);
const texts = lines.map((l) => JSON.parse(l).text);
const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0);

const t0 = process.hrtime.bigint();
let results = 0;
for (const t of texts)
    for (const m of models)
        results += m.parse(t).length;
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${secs.toFixed(3)} ${bytes} ${texts.length} ${results}`);
