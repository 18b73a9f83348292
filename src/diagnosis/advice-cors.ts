// The notes and the owner's header lines of a CORS refusal (or of an error status it hid), from the
// record's CORS detail: every value said is one the answers or the request showed.
import type { Advice, AdviceContext, AdviceRule } from './advice-rules';
import type { CorsDetail } from './cors';
import { withoutQuery } from './url';

function ruleNote({ rule, pageOrigin: page, allowOrigin, status, method, header, allowed }: CorsDetail, { say }: AdviceContext): string | undefined {
  switch (rule) {
    case 'CORS_MISSING_ALLOW_ORIGIN': return say('corsNoAllowOrigin', { page });
    case 'CORS_ALLOW_ORIGIN_MISMATCH': return say('corsAllowedOther', { page, allowed: allowOrigin ?? '' });
    case 'CORS_MULTIPLE_ALLOW_ORIGIN_VALUES': return say('corsSeveral', { page, allowed: allowOrigin ?? '' });
    case 'CORS_WILDCARD_ORIGIN_NOT_ALLOWED': return say('corsWildcard', { page });
    case 'CORS_INVALID_ALLOW_CREDENTIALS': return say('corsNoCredentials', { page });
    case 'CORS_PREFLIGHT_INVALID_STATUS': return say('corsPreflightStatus', { status: String(status ?? '?') });
    case 'CORS_PREFLIGHT_DISALLOWED_REDIRECT': return say('corsPreflightRedirect', { status: String(status ?? '?') });
    case 'CORS_METHOD_DISALLOWED_BY_PREFLIGHT': return say('corsMethod', { method: method ?? '', allowed: allowed ?? say('corsNoMethods') });
    case 'CORS_HEADER_DISALLOWED_BY_PREFLIGHT':
      return say(header ? 'corsHeader' : 'corsHeaderUnseen', { header: header ?? '', allowed: allowed ?? say('corsNoHeaders') });
    default: return undefined;
  }
}

function ownerLines(detail: CorsDetail, context: AdviceContext, out: Advice): void {
  const { say, failure, method } = context;
  const page = detail.pageOrigin;
  if (detail.preflight) {
    const headers = detail.header ?? say('corsTheHeaders');
    out.owner.unshift(say('ownerCorsPreflight', { page, method, headers, path: withoutQuery(failure.url) }));
  } else out.owner.unshift(say('ownerCorsHeaders', { page }));
  if (detail.credentialsInferred) out.owner.push(say('ownerCorsCredentials'));
  out.owner.push(say('ownerCorsNginx', { page }));
}

export const corsAdvice: AdviceRule = {
  id: 'cors',
  add(context, out) {
    const detail = context.failure.cors;
    if (!detail) return;
    const { say, status } = context;
    if (!detail.rule) return void out.notes.push(say('corsUnknown', { page: detail.pageOrigin }));
    // An error status the page could not read: the status is the failure, the CORS headers why the page saw nothing.
    if (status !== undefined) out.notes.push(say(detail.rule === 'CORS_MISSING_ALLOW_ORIGIN' ? 'corsHidden' : 'corsHiddenOther', { page: detail.pageOrigin }));
    else {
      if (detail.preflight) out.notes.push(say('corsOnPreflight'));
      const note = ruleNote(detail, context);
      if (note) out.notes.push(note);
      if (detail.credentialsInferred) out.notes.push(say('corsCredentialsInferred'));
      if (detail.rule === 'CORS_ALLOW_ORIGIN_MISMATCH' && detail.varyOrigin === false) out.notes.push(say('corsNoVary'));
    }
    ownerLines(detail, context, out);
  },
};
