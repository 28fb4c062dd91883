/** The analysis worker: answers each request with `handleAnalysisRequest`. */
import { type AnalysisRequest, handleAnalysisRequest } from "./analysisProtocol";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (event) => scope.postMessage(handleAnalysisRequest(event.data));
