/** jsdom has no TextEncoder/TextDecoder; the .xlsx adapter makes one when its module loads. Import first. */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
