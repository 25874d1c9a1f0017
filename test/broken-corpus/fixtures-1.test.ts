// Shard 1 of the broken-corpus proof (test/helpers/broken-corpus-shard.ts): each of its
// fixtures must fail exactly the rules its manifest entry lists.
import { describeCorpusShard } from '../helpers/broken-corpus-shard.js';

describeCorpusShard(1);
