/**
 * The iframe block, server half: a flow name and parameters in, a themed, resizing Spektrix iframe out.
 * Other pages (account, events, checkout) and editor-built pages use this, never a raw iframe.
 *
 *   <SpektrixFlow flow="chooseSeats" params={{ id: performance.id }} />
 *   <SpektrixFlow flow="myAccount" params={{ screen: "Orders" }} />
 */
import { preload } from "react-dom";
import { siteInfo } from "@/lib/site";
import { integrateScriptUrl } from "@/lib/spektrix";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { isEditorView } from "@/lib/spektrix-flows/editor";
import { flowSrc, isFlowName, type FlowParams } from "@/lib/spektrix-flows/flows";
import { getFlowSettings, stylesheetFor } from "@/lib/spektrix-flows/settings";
import { BoxOfficeNotice, EditorNotice } from "./box-office-notice";
import { SpektrixIframe } from "./spektrix-iframe-client";

export async function SpektrixFlow({
  flow,
  params,
  title,
  fallbackTestId,
}: {
  flow: string;
  params?: FlowParams;
  title?: string;
  fallbackTestId?: string;
}) {
  const config = await spektrixPublicConfig();
  const settings = await getFlowSettings();
  const result = flowSrc({
    baseUrl: config.baseUrl,
    clientName: config.clientName,
    flow,
    params,
    stylesheet: isFlowName(flow) ? stylesheetFor(settings, flow) : null,
  });
  if (!result.ok) {
    if (await isEditorView()) return <EditorNotice>{result.problem}</EditorNotice>;
    return (
      <BoxOfficeNotice boxOffice={siteInfo().boxOffice} title="This part of the page isn’t available right now">
        Please contact the box office and we’ll help you book.
      </BoxOfficeNotice>
    );
  }
  const integrateUrl = integrateScriptUrl(config.baseUrl, config.clientName);
  // The frame opens once hydration is done and integrate.js has loaded: fetching the script (and so opening the
  // connection to Spektrix the frame then uses) while the page's own code downloads takes those round trips out
  // of the wait for the seats. Low priority, like the site's own chunks, so it never delays them.
  preload(integrateUrl, { as: "script", fetchPriority: "low" });
  return (
    <SpektrixIframe
      src={result.src}
      title={title ?? result.title}
      spektrixOrigin={config.origin}
      integrateScriptUrl={integrateUrl}
      initialHeight={result.initialHeight}
      fallbackTestId={fallbackTestId}
    />
  );
}
