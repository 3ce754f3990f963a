import type { ComplaintWords } from './complaint-lexicon.js';

const times = ['2', '3', '4', '5', '6', '10', 'x', 'n'];

/**
 * Czech complaint vocabulary, with and without diacritics. Czech inflects, so most entries
 * are stems with `*` ("naštvan*" → naštvaný, naštvaná, naštvaní). The folding reads a
 * single "k" as Vietnamese "không" (it does so everywhere), so "k ničemu" is folded alike
 * on both sides. "Reklamace" is the ordinary warranty claim, not a complaint.
 */
export const complaintWordsCs: ComplaintWords = {
  cues: {
    insult: [
      'podvod*', 'zloděj*', 'okrad*', 'okrád*', 'šmejd*', 'lhář*', 'lžete', 'lžou', 'lhali', 'lháři', 'idiot*', 'debil*', 'blbec*', 'blbci', 'blbý', 'blbá',
      'blbé', 'blbost*', 'hloup*', 'neschopn*', 'nepoužiteln*', 'k ničemu', 'vyděrač*', 'vydřiduš*', 'kurva', 'kurvy', 'zkurven*', 'hovno', 'hovna',
      'sračk*', 'do prdele', 'prdel', 'hajzl*', 'svině', 'parchant*', 'zmrd*', 'kretén*', 'amatér*', 'diletant*', 'šlendrián', 'zlodějna', 'zlodějin*', 'na houby', 'k smíchu', 'banda',
    ],
    threat: [
      'právník*', 'advokát*', 'soud', 'soudu', 'soudem', 'soudní*', 'žalob*', 'zažaluj*', 'žalovat', 'obchodní inspekc*', 'inspekc*', 'dtest',
      'ochran* spotřebitel*', 'práv* spotřebitel*', 'spotřebitelsk*', 'obrany spotřebitel*', 'policie', 'policii', 'policií', 'policejní*', 'trestní oznámení',
      'špatnou recenzi',
      'špatné recenze', 'negativní recenz*', 'negativní hodnocení', 'špatné hodnocení', 'jednu hvězd*', '1 hvězd*', 'na heurek*', 'na heurec*',
      'napíšu na facebook*', 'napíšu to na facebook*', 'dám to na facebook*', 'napíšu na sociální', 'napíšu to na sociální', 'dám to na sociální',
      'sdílet na sociálních', 'zveřejn*', 'napíšu o vás', 'všem řeknu', 'řeknu všem', 'do médií', 'médiím', 'novinář*', 'upozorním ostatní',
      'varovat ostatní', 'varuji ostatní', 'varovat všechny', 'varuj* ostatní', 'hvězdičk*', 'recenz*', 'práv* cestou', 'soudně'
    ],
    anger: [
      'naštvan*', 'nasran*', 'rozčílen*', 'rozzloben*', 'vztek*', 'nehoráznost*', 'nehorázn*', 'skandál*', 'ostud*', 'hanba', 'hanebn*', 'nepřijateln*',
      'nepřípustn*', 'směšn*', 'absurdní', 'výsměch*', 'drzost*', 'drzý', 'drzá', 'drzé', 'drzí', 'arogan*', 'to je vrchol', 'vrchol všeho', 'mám dost',
      'mám toho dost', 'už nikdy', 'ztráta času', 'ztrátu času', 'plýtvání časem', 'co si to dovolujete', 'dovolujete si', 'kašlete na', 'kašlou na',
      'štve mě', 'štve', 'lezete mi na nervy', 'na nervy', 'k vzteku', 'trapn*', 'tragédi*', 'tragick*', 'zoufal*', 'nezodpovědn*', 'bezohledn*',
      'pohrdání', 'nikdy více', 'nikdy víc', 'naposledy co', 'tohle je naposledy', 'je to naposledy', 'naposledy u vás', 'se zákazníkem nejedná',
      'se zákazníky nejedná', 'takhle se s', 'takhle jednáte', 'nebaví', 'nikdo to neřeší', 'nikoho to nezajímá', 'nikdo se o to nestará',
      'co je to za firmu', 'co je to za obchod', 'co je to za přístup', 'nenechám líbit', 'nenecháme líbit', 'jak se chováte', 'chováte se', 'rozhořčen*', 'pobouřen*', 'neumíte', 'neumí ani', 'odbyl*', 'odbyt*', 'jak můžete', 'takhle fungovat', 'kdo za to může', 'kdo to zaplatí', 'je fakt vrchol', 'je vrchol', 'slušnost', 'neslušn*', 'ignoruj*', 'ignorovat', 'ignorovali', 'skandální', 'plné zuby', 'nezažil*', 'takový přístup', 'takové jednání', 'děkuji za nic', 'díky za nic', 'děkuju za nic', 'došla trpělivost', 'ztrácím trpělivost', 'prázdné sliby', 'prázdný slib', 'jako k dobytku', 'jako s dobytkem', 'znechucen*', 'to je síla', 'fakt síla', 'je to síla', 'není normální', 'to je vtip', 'je to vtip', 'jsou to vtipy', 'nemyslíte vážně', 'myslíte to vážně', 'to snad ne', 'děláte legraci', 'děláte si legraci', 'děláte srandu', 'děláte si srandu', 'si děláte prdel', 'nakoupím jinde', 'koupím jinde', 'nakupovat jinde', 'půjdu jinam', 'půjdu ke konkurenci', 'protáč* oč*', 'kroutil* očima', 'nestojí za ty peníze', 'vyhozené peníze',
    ],
    strong: [
      'pod úroveň', 'pod psa', 'hrůz*', 'otřesn*', 'příšern*', 'katastrof*', 'mizern*', 'žalostn*', 'bídn*', 'děsn*', 'hnus*', 'odporn*', 'nejhorší', 'strašn* služb*', 'strašn* přístup*',
      'hrozn* přístup*', 'hrozn* služb*', 'hrozn* obsluh*', 'špatn* přístup*', 'špatn* služb*', 'špatn* obsluh*', 'nekvalitní', 'klamání', 'klamav*', 'neprofesionál*', 'nezdvořil*',
      'neochotn*', 'nepříjemn*', 'hrubý', 'hrubá', 'hrubé', 'hrubí', 'hrubě', 'sprost*', 'velmi špatn*', 'hodně špatn*', 'strašně špatn*', 'úplně špatn*', 'naprosto špatn*', 'děs a hrůza',
    ],
    complaint: ['stížnost*', 'stěžovat', 'stěžuj*', 'stěžoval*', 'postěžovat'],
    failure: [
      'prodali jste mi použit*', 'použité zboží jako nové', 'špatné zboží', 'jiné zboží', 'poslali jste', 'poškodil*', 'neomluvil*', 'bez omluvy', 'bez vysvětlení', 'bez jakéhokoli* vysvětlení', 'bez jakékoli* omluvy', 'bez jakéhokoli* upozornění', 'něco jiného než jsem objednal*', 'nepřišlo všechno', 'přišla jen', 'přišel jen', 'přišlo jen',
      'bez upozornění', 'neinformoval*', 'nikdo mi neřekl', 'pořád nefunguje', 'stále nefunguje', 'zase nefunguje', 'pořád to nefunguje', 'stále to nefunguje', 'zase to nefunguje', 'zase rozbit*', 'reklamaci zamítli', 'zamítl*',
      'účtovali navíc', 'neodpovídá popisu', 'neodpovídá objednávce', 'něco jiného', 'naúčtoval* navíc', 'naúčtoval* víc',
    ],
    mild: ['šla dolů', 'jde dolů', 'šla kvalita dolů', 'kvalita klesla', 'kvalita upadá', 'nic moc', 'jiná než na fot*', 'jiný než na fot*', 'jiné než na fot*', 'než na obrázku', 'jak jste popisoval*', 'zhoršil*', 'horší než dřív', 'mrzí mě', 'to mě mrzí', 'zklama*', 'nejsem moc spokojen*', 'nejsem úplně spokojen*', 'prý doručen*', 'čekal* jsem víc', 'čekal* jsem více', 'zklaman*', 'zklamání', 'nespokojen*', 'nejsem spokojen*', 'nejsme spokojen*', 'rozladěn*', 'rozčarován*'],
    wait: [
      'čekám moc dlouho', 'čekám příliš dlouho', 'čekáme moc dlouho', 'moc dlouho čekám', 'čeká* věčnost', 'věčnost', 'čekám dlouho', 'čekám strašně dlouho',
      'čekám hrozně dlouho', 'jak dlouho mám ještě čekat', 'jak dlouho ještě budu čekat', 'jak dlouho ještě mám čekat', 'do kdy mám čekat',
      'pořád čekám', 'stále čekám', 'furt čekám', 'pořád čekáme', 'stále čekáme', 'čekám a čekám', 'trvá tak dlouho', 'trvá to tak dlouho', 'tak dlouho čekat',
    ],
    chase: [
      'už potřetí', 'už počtvrté', 'už popáté', 'po páté', 'po čtvrté', 'po třetí', 'po několikáté', 'potřetí píšu', 'potřetí volám', 'píšu potřetí', 'volám potřetí', 'píšu už po*', 'volám už po*',
      ...['píšu', 'volám', 'psal*', 'volal*'].flatMap((verb) => [`${verb} několikrát`, `${verb} opakovaně`, `${verb} třikrát`, `${verb} už několikrát`, ...times.map((count) => `${verb} ${count}krát`)]),
      'několikrát jsem psal*', 'několikrát jsem volal*', 'opakovaně jsem psal*', 'opakovaně jsem volal*', 'pořád dokola píšu',
    ],
    repeat: [
      'třetí reklamace', 'druhá reklamace', 'další reklamace', 'dvakrát', 'potřetí', 'počtvrté', 'popáté', 'poněkolikáté', 'po několikáté', 'podruhé', 'třikrát', 'čtyřikrát', 'pětkrát', 'několikrát', 'mnohokrát', 'opakovaně',
      'už zase', 'zase', 'opět', 'po druhé', 'po třetí', 'znovu a znovu', 'pořád dokola', 'stále dokola', 'furt dokola',
      ...times.map((count) => `${count}krát`),
      ...times.map((count) => `${count} krát`),
    ],
    unresolved: [
      'pořád nic', 'stále nic', 'furt nic', 'a nic', 'zase nic', 'nic se neděje', 'nic nepřišlo', 'nepřišl*', 'nedorazil*', 'nedostal*', 'neobdržel*', 'pořád ne',
      'stále ne', 'nikdo', 'nikde', 'pořád žádn*', 'stále žádn*', 'furt žádn*', 'ještě ne', 'dosud ne', 'nikdo neodpovídá', 'nikdo neodpověděl', 'nikdo nereaguje', 'nikdo se neozval', 'nikdo mi neodpověděl',
      'bez odpovědi', 'bez reakce', 'nevyřízen*', 'nevyřešen*', 'žádná odpověď', 'žádnou odpověď', 'žádná reakce', 'žádnou reakci', 'ani odpověď', 'dodnes nic', 'dodnes žádn*', 'neozval*', 'neodpovíd*', 'nereaguj*', 'nikdo nic', 'nedoručil*',
    ],
    demand: [
      'okamžitě', 'ihned', 'hned teď', 'hned', 'neprodleně', 'vraťte mi peníze', 'vraťte peníze', 'vraťte mi', 'chci své peníze', 'chci svoje peníze', 'chci moje peníze', 'své peníze', 'svoje peníze', 'chci vysvětlení', 'žádám vysvětlení', 'dlužíte mi vysvětlení', 'chci peníze zpět',
      'chci zpátky peníze', 'chci zpět peníze', 'peníze zpět', 'odškodn*', 'kompenzac*', 'požaduji', 'odpovězte', 'odpovězte mi', 'vyřešte to',
    ],
    emotion: [
      'vadn*', 'roztrh*', 'odlepil*', 'lepit', 'se odlepuje', 'rozpadl*', 'napoprvé', 'poprvé', 'po prvním',
      'rozbil*', 'nezvedá', 'nezved*', 'nikdo nezvedá', 'zrušen*', 'zrušili', 'nedorazil*', 'nepřijel*', 'nepřišel', 'nepřišla', 'nevčas', 'ne včas', 'ztratili', 'přišlo rozbité', 'přišla rozbitá', 'přišlo poškozené', 'přišla poškozená',
      'špatn*', 'pomal*', 'pozdě', 'zpožděn*', 'hrozn*', 'strašn*', 'neuvěřiteln*', 'neskutečn*', 'jak je to možné', 'co to má být', 'to snad ne', 'proboha', 'sakra',
      'jak dlouho budu čekat', 'jak dlouho mám čekat', 'kruci', 'zatracen*', 'bohužel zase', 'nechápu', 'nesmysl*', 'smutn*', 'otrav*', 'nespolehliv*', 'rozbit*', 'poškozen*', 'slíbili jste', 'slibovali', 'slíben*',
      'proč mi nikdo', 'proč nikdo', 'vy lidi', 'měl přijít', 'měla přijít', 'mělo přijít', 'měl dorazit', 'měla dorazit', 'mělo dorazit', 'měl být doručen*', 'mělo být doručen*', 'po několika dnech', 'trvá dny', 'co se děje', 'chyběl*', 'v dešti', 'na dešti', 'pustil* barvu', 'pouští barvu', 'při prvním praní', 'po prvním praní', 'mám ještě platit', 'mám platit já', 'mám to platit', 'ještě platit', 'srazil* se', 'sráž* se', 'zmokl*', 'mokr*', 'praská', 'prask*', 'odbarv*'
    ],
  },
  accentedCues: { threat: ['čoi'] },
  harmless: [
    'dostanu peníze zpět', 'dostat peníze zpět', 'získat peníze zpět', 'hloupá otázka', 'hloupý dotaz', 'hloupou otázku', 'strašně děkuj*', 'strašně moc děkuj*', 'hrozně děkuj*', 'hrozně moc děkuj*', 'strašně rychl*',
    'hrozně rychl*', 'neuvěřitelně rychl*', 'strašně rád*', 'hrozně rád*', 'strašně spokojen*', 'hrozně spokojen*', 'hned vedle', 'hned za', 'hned naproti',
    'hned po', 'hned jak', 'špatně zadal*', 'špatně napsal*', 'špatně vyplnil*', 'špatnou adresu', 'špatné číslo', 'špatný rozměr', 'špatnou velikost',
    'špatně jsem', 'špatně sem', 'neuvěřitelně spokojen*', 'pozdě večer', 'trapné otázky', 'soudní vykonavatel*', 'hrubá mzda', 'hrubý odhad', 'hrubou mzdu', 'neskutečně rychl*', 'neskutečně spokojen*', 'pomalý hrnec', 'pomalé vaření', 'pomalého vaření',
    'směšně levn*', 'směšná cena', 'směšné ceny',
  ],
  targets: ['služb*', 'přístup*', 'obsluh*', 'personál*', 'chova*', 'choval*', 'zacház*', 'kvalit*', 'podpor*', 'prodavač*', 'zaměstnan*', 'kurýr*', 'technik*', 'zákaznick*', 'linka', 'jednání'],
  contacts: ['vysvětlova*', 'vysvětlit', 'píš*', 'psal*', 'napsal*', 'vol*', 'zavol*', 'kontaktuj*', 'kontaktoval*', 'ozval*', 'ptám', 'ptal*', 'urgoval*', 'urguj*', 'posílám', 'poslal* e mail*'],
  ultimatums: ['jinak', 'nebo půjdu', 'nebo jdu', 'jestli ne'],
  // "objednala jsem M a přišla L": what was ordered against what came.
  faults: [String.raw`\bobjednal\w*\b.+\b(?:a|ale)\b (?:mi )?(?:prisl|dorazil|poslal)\w*`],
  accusations: [
    String.raw`\b\w+li jste\b`,
    // "a ani nezazvonil", "ani se neomluvili": not even the least was done.
    String.raw`\bani (?:se |mi |nam )?ne\w+l\w*`,
    String.raw`\bjste (?:mi |nam |me |nas |to )?(?:\w+ )?\w+li\b`,
    String.raw`\b(?:vy|vase|vas|vasi)(?: \w+){0,3} (?:nic|neumi\w*|nedokaz\w*|nedela\w*|nereag\w*|neres\w*)\b`,
  ],
  conditionals: ['pokud', 'jestli', 'jestliže', 'kdyby', 'když', 'v případě', 'co když', 'co se stane'],
  // Not "příliš": "není už příliš pozdě?" asks.
  intensifiers: ['velmi', 'moc', 'fakt', 'opravdu', 'strašně', 'hrozně', 'úplně', 'naprosto', 'extrémně', 'děsně', 'šíleně', 'totálně', 'hodně', 'neskutečně'],
  negators: ['ne', 'není', 'nebylo', 'nebyl', 'nebyla', 'nebyli', 'nejsem', 'nejsme', 'nejste', 'nijak', 'ani', 'nikdy', 'nemyslím', 'žádný', 'žádná', 'žádné', 'bez'],
  fillers: ['to', 'je', 'moc', 'tak', 'příliš', 'úplně', 'vůbec', 'zas', 'až', 'tolik', 'nijak', 'zase', 'by', 'bylo', 'takový', 'taková', 'takové'],
  wait: {
    counts: ['celej', 'celou', 'druhý', 'druhou', 'třetí', 'třetím', 'čtvrtý', 'čtvrtou', 'jeden', 'jedna', 'jednu', 'jedno', 'dva', 'dvě', 'tři', 'čtyři', 'pět', 'šest', 'sedm', 'osm', 'devět', 'deset', 'čtrnáct', 'několik', 'pár', 'celý', 'celou', 'celé', 'celých', 'přes', 'skoro'],
    units: ['minut*', 'hodin*', 'den', 'dny', 'dní', 'dnů', 'týden', 'týdny', 'týdnů', 'týdne', 'měsíc*', 'rok*', 'let'],
    longUnits: ['týden', 'týdny', 'týdnů', 'týdne', 'měsíc*', 'rok*', 'let', 'měsíc', 'rok', 'půl roku', 'věčnost'],
    selfCounting: ['od pondělí', 'od úterý', 'od středy', 'od čtvrtka', 'od pátku', 'od soboty', 'od neděle', 'od rána', 'od včerejška', 'od minulého týdne', 'týden', 'týdnem', 'měsíc*', 'rok', 'rokem', 'hodinu', 'hodinou', 'půl roku', 'půl hodiny', 'věčnost'],
    verbs: ['čeká*', 'čekal*', 'čekat', 'počkat', 'visím', 'visel*', 'vise*'],
    estimates: ['asi', 'zhruba', 'přibližně', 'cca', 'obvykle', 'většinou', 'běžně', 'ještě', 'do', 'maximálně', 'nejpozději', 'bude', 'budu'],
    briefUnits: ['minut*'],
    markers: ['před', 'po', 'bez', 'už', 'již', 'stále', 'pořád', 'furt', 'dosud', 'uplynul*', 'uběhl*', 'nic'],
  },
};
