import type { NamedParameterExample, TemplateButton, TemplateComponent, TemplateSubmission } from '@recado/domain';

type Json = Record<string, unknown>;

/** Drops undefined members so the body holds only what was given. */
function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

const named = (examples: readonly NamedParameterExample[] | undefined) =>
  examples?.map((example) => ({ param_name: example.paramName, example: example.example }));

function toMetaButton(button: TemplateButton): Json {
  switch (button.type) {
    case 'QUICK_REPLY':
      return { type: button.type, text: button.text };
    case 'URL':
      return compact({ type: button.type, text: button.text, url: button.url, example: button.example });
    case 'PHONE_NUMBER':
      return { type: button.type, text: button.text, phone_number: button.phoneNumber };
    case 'COPY_CODE':
      return compact({ type: button.type, example: button.example });
    case 'OTP': {
      const apps = button.supportedApps?.map((app) => ({ package_name: app.packageName, signature_hash: app.signatureHash }));
      return compact({ type: button.type, otp_type: button.otpType, text: button.text, supported_apps: apps });
    }
    case 'FLOW':
      return compact({
        type: button.type,
        text: button.text,
        flow_id: button.flowId,
        flow_name: button.flowName,
        flow_action: button.flowAction,
        navigate_screen: button.navigateScreen,
      });
    case 'CATALOG':
    case 'MPM':
    case 'SPM':
    case 'VOICE_CALL':
    case 'REQUEST_CONTACT_INFO':
      return compact({ type: button.type, text: button.text });
  }
}

function headerExample(component: Extract<TemplateComponent, { type: 'HEADER' }>): Json | undefined {
  if (component.format === 'LOCATION' || component.example === undefined) return undefined;
  if (component.format === 'TEXT') {
    return compact({ header_text: component.example.headerText, header_text_named_params: named(component.example.headerTextNamedParams) });
  }
  return compact({ header_handle: component.example.headerHandle });
}

function toMetaComponent(component: TemplateComponent): Json {
  switch (component.type) {
    case 'HEADER':
      return compact({ type: 'HEADER', format: component.format, text: 'text' in component ? component.text : undefined, example: headerExample(component) });
    case 'BODY': {
      const example = component.example && compact({ body_text: component.example.bodyText, body_text_named_params: named(component.example.bodyTextNamedParams) });
      return compact({ type: 'BODY', text: component.text, example, add_security_recommendation: component.addSecurityRecommendation });
    }
    case 'FOOTER':
      return compact({ type: 'FOOTER', text: component.text, code_expiration_minutes: component.codeExpirationMinutes });
    case 'BUTTONS':
      return { type: 'BUTTONS', buttons: component.buttons.map(toMetaButton) };
  }
}

/** The JSON body of `POST /{Version}/{WABA-ID}/message_templates` (RULES.md §10). */
export function toTemplateCreateBody(submission: TemplateSubmission): Json {
  return compact({
    name: submission.name,
    language: submission.language,
    category: submission.category,
    parameter_format: submission.parameterFormat,
    message_send_ttl_seconds: submission.messageSendTtlSeconds,
    components: submission.components.map(toMetaComponent),
  });
}
