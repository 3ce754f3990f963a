import { describeMetaJourney } from './meta-journey.js';

describeMetaJourney('instagram', '1254459154682919', '1254459154682920');
