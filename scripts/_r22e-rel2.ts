import { TermIndex } from '../src/context/text/term-index.js';
import { synonymsOf } from '../src/context/vocabulary/context-vocabulary.js';
const ix = new TermIndex(['The afternoon sweep charged those invoices again at 13:00 and 3,912 members were charged twice for one bi-weekly payment.']);
console.log(synonymsOf('duplicate charge').slice(0, 30));
for (const w of ['duplicate charge', 'twice charge', 'charge twice', 'charged twice']) console.log(w, ix.has(w, 2), ix.hasTogether(w));
