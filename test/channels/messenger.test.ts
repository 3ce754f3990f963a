import { describeMetaCsat } from './meta-csat.js';
import { describeMetaJourney } from './meta-journey.js';

describeMetaJourney('messenger', '6789012345678901', '6789012345678902');
describeMetaCsat('messenger', '6789012345678911', '6789012345678912');
