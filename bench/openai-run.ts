/** `npm run bench:openai`: the OpenAI path's in-process costs alone (see openai-bench.ts). */
import { openaiBench } from './openai-bench.js';

process.stdout.write('OpenAI hybrid ranking: scoring a question against cached article vectors (in-process, no provider)\n');
await openaiBench([{ articles: 100, dimensions: 1536 }, { articles: 1000, dimensions: 1536 }, { articles: 10_000, dimensions: 1536 }, { articles: 10_000, dimensions: 256 }], 200, (line) => void process.stdout.write(line));
