/** Writes README.md's bench block from the committed bench/report.json (what `npm run bench` does at its end). */
import fs from 'node:fs';
import { writeReadmeFigures } from '../bench/readme-figures.js';

writeReadmeFigures('README.md', JSON.parse(fs.readFileSync('bench/report.json', 'utf8')));
