/** Writes README.md's bench block from the committed bench/report.json (what `npm run bench` does at its end). */
import fs from 'node:fs';
import { withReadmeFigures } from '../bench/readme-figures.js';

const report = JSON.parse(fs.readFileSync('bench/report.json', 'utf8'));
fs.writeFileSync('README.md', withReadmeFigures(fs.readFileSync('README.md', 'utf8'), report));
