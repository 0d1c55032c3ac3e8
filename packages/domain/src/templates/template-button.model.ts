/** Buttons of a template's BUTTONS component [M9] [M16]. */

export interface QuickReplyButton {
  readonly type: 'QUICK_REPLY';
  readonly text: string;
}

export interface UrlButton {
  readonly type: 'URL';
  readonly text: string;
  readonly url: string;
  /** Full example URL(s) for the `{{1}}` suffix. */
  readonly example?: readonly string[];
}

export interface PhoneNumberButton {
  readonly type: 'PHONE_NUMBER';
  readonly text: string;
  readonly phoneNumber: string;
}

export interface CopyCodeButton {
  readonly type: 'COPY_CODE';
  readonly example?: string;
}

export type OtpType = 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP';

export interface SupportedApp {
  readonly packageName: string;
  readonly signatureHash: string;
}

export interface OtpButton {
  readonly type: 'OTP';
  readonly otpType: OtpType;
  readonly text?: string;
  readonly supportedApps?: readonly SupportedApp[];
}

export interface FlowButton {
  readonly type: 'FLOW';
  readonly text: string;
  readonly flowId?: string;
  readonly flowName?: string;
  readonly flowAction?: 'navigate' | 'data_exchange';
  readonly navigateScreen?: string;
}

/** Button kinds kept for completeness; their send-time actions are out of scope. */
export interface OtherButton {
  readonly type: 'CATALOG' | 'MPM' | 'SPM' | 'VOICE_CALL' | 'REQUEST_CONTACT_INFO';
  readonly text?: string;
}

export type TemplateButton =
  | QuickReplyButton
  | UrlButton
  | PhoneNumberButton
  | CopyCodeButton
  | OtpButton
  | FlowButton
  | OtherButton;

export type TemplateButtonType = TemplateButton['type'];
