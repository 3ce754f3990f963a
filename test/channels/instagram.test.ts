import { describeMetaCsat } from './meta-csat.js';
import { describeMetaJourney } from './meta-journey.js';

describeMetaJourney('instagram', '1254459154682919', '1254459154682920');
describeMetaCsat('instagram', '1254459154682931', '1254459154682932');
