import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type Activity, type ConversationReference, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, type AppCredentials, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import type { SettingsOf } from '../channel-settings.js';
import type { botFrameworkSettings } from './bot-framework-settings.js';

/** The Bot Framework settings of the configuration. */
export type BotFrameworkConfig = SettingsOf<typeof botFrameworkSettings>;

/** What a bot turn runs, given the SDK's turn context. */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * The CloudAdapter with its authentication split out: the webhook authenticates first (so
 * every failure is a clean 401, never the adapter's 500), then runs the turn; proactive
 * sends continue a stored conversation reference. The only place that builds botbuilder's
 * adapter, so swapping the SDK (for the Microsoft 365 Agents SDK) starts here.
 */
export class BotFrameworkBot {
  private readonly adapter: AuthenticatedCloudAdapter;
  /** The bot's app id; empty in unauthenticated (emulator) mode. */
  readonly appId: string;
  readonly authenticated: boolean;
  private readonly credentials: ConfigurationServiceClientCredentialFactory;

  constructor(config: BotFrameworkConfig) {
    this.appId = config.appId ?? '';
    this.authenticated = Boolean(config.appId);
    this.adapter = new AuthenticatedCloudAdapter(new ConfigurationBotFrameworkAuthentication(authenticationOptions(config)));
    this.credentials = new ConfigurationServiceClientCredentialFactory(credentialOptions(config));
  }

  /** The bot's token for the Bot Connector service (its attachments need it, e.g. Teams inline images); null without an app id. */
  async connectorToken(): Promise<string | null> {
    if (!this.authenticated) return null;
    const credentials = await this.credentials.createCredentials(this.appId, AuthenticationConstants.ToChannelFromBotOAuthScope, AuthenticationConstants.ToChannelFromBotLoginUrl, true);
    return (credentials as AppCredentials).getToken();
  }

  /** Checks the request's `Authorization` header against the activity; throws when it does not hold. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.adapter.authenticate(activity, authHeader);
  }

  /** Runs one turn of an authenticated inbound activity; the result is the HTTP answer (expectReplies, invoke), if any. */
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    return this.adapter.runTurn(auth, activity, logic);
  }

  /** Runs `logic` in a proactive turn of a stored conversation (agent replies, CSAT prompts). */
  continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    return this.adapter.continueConversationAsync(this.appId, reference, logic);
  }
}

class AuthenticatedCloudAdapter extends CloudAdapter {
  constructor(private readonly auth: BotFrameworkAuthentication) {
    super(auth);
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

function credentialOptions(config: BotFrameworkConfig): Record<string, string> {
  return {
    ...(config.appId ? { MicrosoftAppId: config.appId } : {}),
    ...(config.appPassword ? { MicrosoftAppPassword: config.appPassword } : {}),
    ...(config.appId ? { MicrosoftAppType: config.appType } : {}),
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
  };
}

function authenticationOptions(config: BotFrameworkConfig): Record<string, string> {
  const credentials = credentialOptions(config);
  if (!config.openIdMetadataUrl) return credentials;
  // Setting any endpoint makes the SDK take every endpoint as given: the public cloud's, but
  // with the channel's signing keys read from the configured metadata document.
  return {
    ...credentials,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
