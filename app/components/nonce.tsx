// Carries the CSP nonce from the server render to <Scripts>; browsers hide it from the DOM, so the client sees "".
import { createContext, useContext } from "react";

const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
