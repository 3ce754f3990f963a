import { z } from 'zod';
import { flag, httpUrl, secret } from '../../config/schema-kit.js';
import { channelSettings } from '../channel-settings.js';

/** Bot Framework's settings (Teams, Web Chat, the Emulator). */
export const botFrameworkSettings = channelSettings({
  key: 'botframework',
  schema: z
    .strictObject({
      enabled: flag.default(false),
      appId: z.string().min(1).optional(),
      appPassword: secret.optional(),
      appType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
      tenantId: z.string().min(1).optional(),
      /** Where the keys that sign channel tokens are published (tests point it at a local fake). */
      openIdMetadataUrl: httpUrl.optional(),
    })
    .superRefine((bot, context) => {
      const needsPassword = bot.appType !== 'UserAssignedMSI';
      if (bot.appId && needsPassword && !bot.appPassword) context.addIssue({ code: 'custom', path: ['appPassword'], message: `MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID for a ${bot.appType} bot` });
      if (!bot.appId && (bot.appPassword || bot.tenantId)) context.addIssue({ code: 'custom', path: ['appId'], message: 'MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set' });
      if (bot.appId && bot.appType !== 'MultiTenant' && !bot.tenantId) context.addIssue({ code: 'custom', path: ['tenantId'], message: `MICROSOFT_APP_TENANT_ID is required for a ${bot.appType} bot` });
    }),
  envVars: [
    { name: 'BOTFRAMEWORK_ENABLED', path: ['channels', 'botframework', 'enabled'], description: 'Serve Bot Framework at /api/messages without authentication, for the Bot Framework Emulator on your own machine only (MICROSOFT_APP_ID enables it with authentication).', example: 'false' },
    { name: 'MICROSOFT_APP_ID', path: ['channels', 'botframework', 'appId'], description: 'Azure Bot app (client) id; enables Bot Framework at /api/messages with JWT authentication.', example: '00000000-0000-0000-0000-000000000000' },
    { name: 'MICROSOFT_APP_PASSWORD', path: ['channels', 'botframework', 'appPassword'], secret: true, description: 'Azure bot client secret.', example: '' },
    { name: 'MICROSOFT_APP_TYPE', path: ['channels', 'botframework', 'appType'], description: 'MultiTenant, SingleTenant or UserAssignedMSI.', example: 'MultiTenant' },
    { name: 'MICROSOFT_APP_TENANT_ID', path: ['channels', 'botframework', 'tenantId'], description: 'Tenant id, for SingleTenant and UserAssignedMSI bots.', example: '' },
    { name: 'BOTFRAMEWORK_OPENID_METADATA_URL', path: ['channels', 'botframework', 'openIdMetadataUrl'], description: 'OpenID metadata URL of the keys that sign Bot Framework channel tokens (leave unset; tests point it at a local fake).', example: 'https://login.botframework.com/v1/.well-known/openidconfiguration' },
  ],
});
