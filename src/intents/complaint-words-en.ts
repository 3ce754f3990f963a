import type { ComplaintWords } from './complaint-lexicon.js';

const ordinals = ['second', 'third', 'fourth', 'fifth', 'sixth', '2nd', '3rd', '4th', '5th', 'nth', 'umpteenth', 'hundredth', 'millionth'];
const counts = ['2', '3', '4', '5', '6', '7', '8', '9', '10', 'two', 'three', 'four', 'five', 'six', 'ten'];

/**
 * English complaint vocabulary. Words are folded like the knowledge base folds them, so the
 * shared Vietnamese chat abbreviations apply here too ("order" is read as "đặt hàng"); write
 * entries naturally and they are folded the same way.
 */
export const complaintWordsEn: ComplaintWords = {
  cues: {
    insult: [
      'scam*', 'fraud', 'frauds', 'fraudulent', 'fraudster*', 'cheat', 'cheats', 'cheated', 'cheating', 'liar*', 'lying', 'lied to', 'rip off', 'ripoff',
      'ripped off', 'thief', 'thieves', 'stole', 'stealing', 'steal my', 'crook*', 'con artist*', 'idiot*', 'stupid', 'dumb', 'moron*', 'useless',
      'incompetent', 'pathetic', 'theft', 'garbage', 'trash', 'rubbish', 'crap*', 'shit*', 'fuck*', 'f ck*', 'wtf', 'bullshit', 'damn', 'dammit', 'goddamn',
      'screw you', 'clown*', 'is a joke', 'what a joke', 'such a joke', 'are a joke', 'total joke', 'absolute joke', 'complete joke', 'joke of a', 'sucks', 'bloody hell', 'bastard*', 'robbery', 'daylight robbery', 'robbed', 'clowns', 'thieving', 'cowboys',
    ],
    threat: [
      'lawyer*', 'attorney*', 'sue you', 'sue your', 'sue the', 'sue them', 'will sue', 'going to sue', 'gonna sue', 'suing', 'lawsuit', 'court',
      'legal action', 'legal steps', 'small claims', 'consumer protection', 'consumer rights', 'consumer council', 'consumer association',
      'trading standards', 'better business bureau', 'bbb', 'report you', 'report this to', 'reporting you', 'call the police', 'to the police', 'police report', 'bad review', 'negative review',
      'terrible review', '1 star review*', 'one star review*', '1 star rating', 'one star rating', 'give you 1 star', 'give you one star', 'giving 1 star',
      'giving one star', 'zero stars', 'review everywhere', 'all over social media', 'post on social media', 'share on social media', 'on social media about',
      'post this on', 'post it on', 'post about this', 'tell* everyone', 'tell* all my friends', 'tell* everyone i know', 'tell* people not to', 'warn everyone', 'warn others', 'expose you', 'go public',
      'go to the press', 'tell the press', 'go to the media', 'tell the media', 'chargeback',
      'charge back', 'dispute the charge', 'contact my bank', 'ombudsman', 'solicitor*', 'legal', 'dispute with', 'file a dispute', 'filing a dispute', 'call my credit card company', 'contact my credit card company', 'with my credit card company', 'i ll call my bank', 'i will call my bank', 'going to call my bank', 'i ll tell my bank', 'i will tell my bank', 'report you to my bank', 'my bank will reverse', 'trustpilot', 'google review*', 'report* this', 'report* you', 'hear from my'
    ],
    anger: [
      'angry', 'furious', 'livid', 'pissed', 'mad', 'frustrat*', 'outrag*', 'ridiculous', 'absurd', 'unacceptable', 'not acceptable', 'inacceptable',
      'disgrace*', 'disgust*', 'shameful', 'shame on you', 'fed up', 'sick of', 'sick and tired', 'had enough', 'enough is enough', 'unbelievable',
      'how dare', 'what the hell', 'the hell', 'are you kidding', 'kidding me', 'never again', 'never buy* from', 'never buy* again', 'never order* from',
      'never order* again', 'never ordering', 'never shop* here', 'never shop* with', 'never shopping', 'never use you', 'never recommend', 'waste of time', 'waste of my time', 'waste of money', 'wasted my time', 'lost a customer', 'lost my business',
      'hate', 'insane', 'nightmare', 'treated like', 'no respect', 'disrespect*', 'irresponsible', 'i demand', 'stop ignoring', 'keep ignoring', 'ignoring me',
      'ignored me', 'ignore me', 'ignoring my', 'how you treat', 'how you are treating', 'treat your customers', 'treat customers like', 'nobody cares',
      'no one cares', 'want compensation', 'demand compensation', 'expect compensation', 'big mistake', 'biggest mistake', 'mistake buying', 'is the last time', 'the last time i shop with', 'the last time i buy from', 'had enough', 'take my business elsewhere', 'taking my business elsewhere', 'i ve had it', 'i am done with', 'so done', 'laughing at me', 'laughed at me',
      'i m done with', 'done with you', 'done with this', 'how hard is it', 'how hard can it be', 'not good enough', 'why is it so hard', 'why is it so difficult', 'is it so hard', 'so hard to get', 'shop elsewhere', 'buy elsewhere', 'go elsewhere', 'going elsewhere', 'rolled her eyes', 'rolled his eyes', 'rolled their eyes', 'rolling her eyes', 'rolling his eyes', 'eye roll*', 'not worth the money', 'waste of my money', 'beyond frustrating', 'this is not ok', 'this is not okay', 'not acceptable',
      'fuming', 'seething', 'last straw', 'thanks for nothing', 'thank you for nothing', 'lost my patience', 'losing my patience', 'out of patience', 'bothered to', 'can t be bothered', 'how is it possible that', 'do you even', 'you even', 'people even', 'treated like dirt', 'was treated',
    ],
    strong: [
      'terrible', 'terribly', 'horrible', 'horribly', 'awful', 'worst', 'appalling', 'atrocious', 'dreadful', 'abysmal', 'horrendous', 'poor service',
      'bad service', 'bad experience', 'rude', 'impolite', 'unprofessional', 'sloppy', 'lousy', 'shoddy', 'broken promise*', 'false advertising', 'misleading',
      'lied', 'very bad', 'so bad', 'really bad', 'extremely bad', 'so poor', 'very poor',
      'hopeless', 'shocking', 'appalled', 'appalling', 'disgusting', 'piece of junk', 'piece of crap', 'trash', 'hung up on', 'ruined', 'dismissive', 'unhelpful', 'i want my refund', 'i want my money', 'being ignored', 'never showed', 'never turned up', 'charged me extra', 'asked for extra money', 'overcharged', 'disaster', 'disastrous', 'a mess', 'poor quality', 'bad quality', 'such poor', 'cheap junk', 'junk',
      // Common misspellings.
      'terible', 'horible', 'horrid', 'aweful', 'worse service', 'worst* ever', 'rediculous', 'ridiculus', 'unaceptable', 'scamer*', 'scamm*',
    ],
    complaint: ['complain*', 'complaint*', 'grievance', 'escalat*'],
    failure: [
      'in the wrong', 'wrong colou*', 'wrong size', 'wrong model', 'sold me a used', 'sold me used', 'wrong item', 'wrong product', 'wrong order', 'item missing', 'items missing', 'missing item*', 'only received one', 'only got one', 'half my order', 'sent me the wrong', 'delivered the wrong',
      'refuse to', 'refused to', 'refusing to', 'will not pay', 'won t pay',
      'won t refund', 'won t replace', 'won t fix', 'won t answer', 'never asked for', 'still broken',
      'still not working', 'still doesn t work', 'broke again', 'broken again', 'no apology', 'didn t apologi*', 'without explanation', 'without any explanation',
      'no explanation', 'never on time', 'hung up on me', 'hung up on', 'without notice', 'without telling', 'didn t tell me', 'nobody told me', 'no one told me',
    ],
    mild: [
      'nothing like', 'not what i expected', 'not as described', 'not like the picture*', 'not like the photo*', 'looks cheaper', 'gone downhill', 'has slipped', 'really slipped', 'quality slipped', 'quality has dropped', 'quality dropped', 'quality has gone down', 'what it used to be', 'gotten worse', 'got worse', 'not thrilled', 'not too happy', 'a bit let down', 'marked as delivered but', 'says delivered but', 'shows delivered but',
      'disappoint*', 'unhappy', 'not happy', 'not satisfied', 'dissatisfied', 'unsatisfied', 'not pleased', 'displeased', 'upset', 'let down', 'let me down',
      'not impressed', 'unimpressed', 'regret*', 'expected better', 'expected much better', 'expected a lot better', 'expected far better', 'expected a lot more', 'expected way better', 'not great quality', 'not great for the price', 'not good quality', 'not good for the price', 'expected more', 'expect better', 'dissapoint*', 'disapoint*', 'dissappoint*',
    ],
    wait: [
      'waited too long', 'waiting too long', 'waiting forever', 'waited forever', 'wait forever', 'waited for ages', 'waiting for ages', 'waiting so long',
      'waited so long', 'how much longer', 'keep waiting', 'kept waiting',
      'still waiting', 'been on hold', 'on hold for', 'taking forever', 'takes forever', 'took forever', 'forever to', 'waiting and waiting',
    ],
    chase: [
      ...['asked', 'called', 'emailed', 'messaged', 'written', 'phoned', 'contacted', 'told you'].flatMap((verb) => [...counts.map((count) => `${verb} ${count} times`), `${verb} several times`, `${verb} multiple times`, `${verb} many times`, `${verb} so many times`, ...counts.map((count) => `${verb} you ${count} times`)]),
      ...counts.map((count) => `${count} times already`), ...counts.map((count) => `${count} times now`), 'chase you', 'chasing you', 'every single time', 'third time i m asking',
      'third time asking', 'keep chasing',
    ],
    repeat: [
      ...ordinals.map((ordinal) => `${ordinal} time`),
      ...counts.map((count) => `${count} times`),
      'again and again', 'over and over', 'yet again', 'times already', 'times now', 'multiple times', 'several times', 'many times', 'a million times',
      'twice', 'countless', 'keep getting', 'i keep having to', 'keep being', 'asked before', 'told you', 'already told', 'already asked', 'keep asking', 'keep calling', 'keep telling', 'every time',
    ],
    unresolved: [
      'still not', 'still no', 'still nothing', 'still haven t', 'still hasn t', 'still don t', 'still didn t', 'still doesn t', 'and nothing', 'nothing yet', 'nobody', 'no one', 'where is my*', 'where s my*', 'where are my*',
      'nothing happened', 'no response', 'no reply', 'no answer', 'no one answer*', 'nobody answer*', 'no one repl*', 'nobody repl*', 'no one respond*',
      'nobody respond*', 'nobody called', 'no one called', 'nobody has called', 'no one has called', 'nobody has contacted', 'no one got back', 'nobody got back', 'never got back', 'never arrived', 'never received', 'never came', 'not received', 'never got', 'didn t get', 'did not get', 'never got it',
      'haven t received', 'have not received', 'hasn t arrived', 'has not arrived', 'not arrived', 'ignored', 'ignoring', 'no refund', 'no update*', 'no news',
    ],
    demand: [
      'refund me', 'cancel my order and', 'fix it', 'fix this', 'sort it out', 'sort this out', 'right now', 'immediately', 'at once', 'this instant', 'right away', 'money back', 'my money', 'refund me', 'give me my', 'give me a refund',
      'demand', 'compensat*', 'answer me', 'hurry up', 'i want an explanation', 'i need an explanation', 'owe me an explanation', 'want it refunded', 'want the money refunded', 'fee refunded',
    ],
    emotion: [
      'was cancelled', 'were cancelled', 'got cancelled', 'cancelled my', 'didn t show up', 'did not show up', 'no show', 'didn t turn up', 'did not turn up', 'didn t come', 'did not come', 'no one came', 'nobody came', 'no one showed up', 'nobody showed up', 'not on time', 'was promised', 'were promised', 'lost my', 'arrived broken', 'arrived damaged', 'hours late', 'days late',
      'falling apart', 'fell apart', 'came apart', 'broke', 'ripped', 'torn', 'faulty', 'defective', 'came unstuck', 'first time i', 'first use', 'one use', 'first wear',
      'bad', 'poor', 'slow', 'late', 'delayed', 'delay*', 'too long', 'so long', 'seriously', 'how long do i have to wait', 'how long must i wait', 'how long am i supposed to wait', 'come on', 'annoy*', 'irritat*', 'ugh', 'omg', 'mess', 'messed up',
      'you people', 'paid for express', 'paid extra', 'paid for next day', 'paid for same day', 'paid for fast', 'paid for priority', 'take days', 'takes days', 'took days', 'take ages', 'takes ages', 'took ages', 'for that price', 'for this price', 'for the price', 'at this price', 'at that price', 'first wash', 'colour ran', 'color ran', 'in the rain', 'unpleasant', 'you want me to pay', 'expect me to pay', 'make me pay', 'i have to pay for your', 'are you serious', 'you can t be serious', 'was supposed to arrive', 'was supposed to be', 'should have arrived', 'should have been here', 'was meant to arrive', 'stain*', 'shrank', 'shrunk', 'faded', 'can t believe', 'can not believe', 'cannot believe', 'charged me twice', 'charged twice', 'double charged', 'will not refund',
      'refuse to refund', 'refused to', 'who is responsible', 'is this how', 'not ok', 'not okay', 'broke after', 'broken after', 'stopped working after', 'damaged my', 'damaged the',
      'broke my', 'scratched my', 'without saying', 'without a word', 'why do i have to', 'why is nobody', 'why does nobody', 'why has nobody', 'why is no one',
      'you promised', 'promised me', 'damaged', 'dented', 'soaked', 'soaking wet', 'smashed', 'crushed', 'didn t let me know', 'did not let me know', 'without telling', 'without notice', 'without warning', 'tired of', 'sad', 'hello hello', 'anyone there', 'unreliable', 'wrong again',
    ],
  },
  harmless: [
    'get my money back', 'get the money back', 'get money back', 'stupid question', 'dumb question', 'silly question', 'trash can', 'trash bin', 'garbage dispos*', 'garbage bag', 'rubbish bin',
    'no joke', 'tell me a joke', 'tell a joke', 'cheat sheet', 'damn good', 'terribly sorry', 'food court', 'fraud protection', 'fraud prevention', 'fraud department', 'fraudulent activity', 'bad credit',
    'late fee', 'late delivery fee', 'slow cooker', 'slow cook*', 'slow mode', 'slow motion', 'slow juicer', 'mad about', 'hate to bother', 'dumb tv*',
    'sucks up', 'on demand', 'high demand', 'in demand', 'escalator*', 'nothing to complain about', 'nothing to complain',
  ],
  targets: ['cashier*', 'shop assistant*', 'sales assistant*', 'at the counter', 'salesperson', 'service', 'customer service', 'staff', 'support', 'attitude', 'behaviour', 'behavior', 'behaved', 'treated', 'treatment', 'employee*', 'quality', 'experience', 'manager', 'agent*', 'courier*', 'driver*', 'technician*', 'installer*'],
  contacts: ['explain*', 'writ*', 'wrote', 'contact*', 'messag*', 'email*', 'e mail*', 'call*', 'phon*', 'ask*', 'chas*', 'tell*', 'told', 'reach*'],
  ultimatums: ['or else', 'otherwise', 'or i will', 'or i ll', 'or i m going', 'or we will', 'or you will', 'or i am'],
  accusations: [
    String.raw`\byou (?:guys |people |have |ve |had |just |really )?(?:never|always|keep|kept|didn t|did not|won t|will not|haven t|lost|broke|ruined|promised|lied|charged|cancell?ed|ignored|refused|sent me|took my|stole)\b`,
    // "left it outside without even knocking", "didn't even call": not even the least was done.
    String.raw`\b(?:without|didn t|did not|not) even\b`,
    String.raw`\byour (?:\w+ ){1,2}(?:never|didn t|did not|won t|charged|lost|broke|left|threw|dropped|refused|hung|lied|ignored|cancell?ed|damaged|ruined|sent me)\b`,
  ],
  // "ordered a size S, got an XL", "I ordered an M but received an L": what was ordered against what came.
  faults: [
    String.raw`\b(?:ordered|bought|asked for|paid for)\b.+\bbut (?:i |we )?(?:got|received|you sent|they sent|it came|came|was sent)\b`,
    String.raw`\b(?:ordered|bought|asked for) (?:a |an |the )?size \w+ (?:and |but )?(?:i )?(?:got|received) (?:a |an |the )?(?:size )?\w+`,
  ],
  conditionals: ['if', 'what if', 'in case', 'suppose', 'what happens', 'afraid', 'worried'],
  // Not "too": "is it too late to cancel?" asks.
  intensifiers: ['very', 'so', 'really', 'extremely', 'totally', 'absolutely', 'incredibly', 'super', 'terribly', 'awfully', 'unbelievably', 'ridiculously', 'insanely', 'painfully', 'utterly'],
  negators: ['not', 'no', 'never', 't', 'isnt', 'wasnt', 'dont', 'doesnt', 'didnt', 'arent', 'werent', 'aint', 'hardly', 'without', 'nothing'],
  fillers: ['a', 'an', 'the', 'that', 'so', 'too', 'very', 'really', 'at', 'all', 'be', 'is', 'it', 's', 'this', 'quite', 'as', 'bit', 'even', 'exactly', 'actually', 'any', 'totally', 'remotely', 'being', 'get'],
  wait: {
    counts: ['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'couple', 'few', 'several', 'many', 'whole', 'full', 'half', 'all'],
    units: ['minute*', 'min', 'mins', 'hour*', 'hr', 'hrs', 'day*', 'week*', 'month*', 'year*'],
    longUnits: ['week*', 'month*', 'year*'],
    selfCounting: ['since monday', 'since tuesday', 'since wednesday', 'since thursday', 'since friday', 'since saturday', 'since sunday', 'since last week', 'since last month', 'since yesterday', 'since this morning'],
    verbs: ['wait*', 'on hold', 'hold', 'chasing'],
    markers: ['took', 'still', 'already', 'been', 'since', 'passed', 'later', 'nothing', 'over', 'now', 'going on', 'ago', 'after', 'for'],
    estimates: ['about', 'around', 'approximately', 'roughly', 'usually', 'normally', 'expected', 'estimated', 'another', 'within', 'up to'],
    briefUnits: ['minute*', 'min', 'mins'],
  },
};
