import { tokenize } from '../src/knowledge/text/tokenize.js';
console.log(tokenize(process.argv[2]!));
