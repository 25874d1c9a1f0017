// Shard 2 of the field-plugin proof (test/helpers/field-plugins-shard.ts): correct plugins pass
// every rule, caught ones fail their recorded rules, escapes still pass.
import { describeFieldShard } from '../helpers/field-plugins-shard.js';

describeFieldShard(2);
