import { defineCheck } from '../../src/check/define-check.js';
import { checkAllocator } from '../_internals/allocator.js';

export default defineCheck('ZC-ALLOC-002', (ctx) => checkAllocator(ctx, 'disjoint'));
