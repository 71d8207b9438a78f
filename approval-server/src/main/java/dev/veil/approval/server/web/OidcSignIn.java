package dev.veil.approval.server.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.veil.approval.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Sign-in through an OpenID Connect provider (Okta, Entra ID, Google, ...) with the authorization code flow, PKCE,
 * state and nonce; all of the protocol is Nimbus's. The provider is found by standard discovery on first use (and
 * again after a failure, so a provider that is down at start does not stop the server). The ID token is validated
 * by Nimbus's {@link IDTokenValidator}: RS256 signature against the provider's published keys, issuer, audience,
 * expiry and nonce.
 */
final class OidcSignIn {

    /** A sign-in that did not establish who someone is; the message is fit to show. */
    static final class SignInFailed extends Exception {
        private static final long serialVersionUID = 1L;

        SignInFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int TIMEOUT_MILLIS = 10_000;

    private final ServerConfig.Oidc config;
    private final Issuer issuer;
    private final ClientID clientId;
    private final Secret secret;
    private final Supplier<URI> redirectUri;
    private volatile Provider provider;

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    OidcSignIn(ServerConfig.Oidc config, Supplier<URI> redirectUri) {
        this.config = config;
        this.issuer = new Issuer(config.issuer());
        this.clientId = new ClientID(config.clientId());
        this.secret = new Secret(config.clientSecret());
        this.redirectUri = redirectUri;
    }

    /** Where to send the browser to sign in. */
    URI authorizationUri(WebSessions.SignIn signIn) throws SignInFailed {
        return new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new Scope("openid", "email", "profile"), clientId, redirectUri.get())
                .endpointURI(provider().metadata().getAuthorizationEndpointURI())
                .state(new State(signIn.state()))
                .nonce(new Nonce(signIn.nonce()))
                .codeChallenge(new CodeVerifier(signIn.verifier()), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /**
     * Completes a sign-in from the provider's redirect: checks the state, exchanges the code (with the PKCE
     * verifier) and validates the ID token. Returns the reviewer's identity (the configured claim).
     */
    String complete(URI callback, WebSessions.SignIn signIn) throws SignInFailed {
        Provider current = provider();
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            throw new SignInFailed("the identity provider's answer is malformed", e);
        }
        if (!new State(signIn.state()).equals(response.getState())) {
            throw new SignInFailed("this sign-in was not started in this browser (state mismatch)", null);
        }
        if (!response.indicatesSuccess()) {
            AuthenticationErrorResponse error = response.toErrorResponse();
            throw new SignInFailed("the identity provider refused the sign-in ("
                    + error.getErrorObject().getCode() + ")", null);
        }
        AuthorizationCode code = ((AuthenticationSuccessResponse) response).getAuthorizationCode();
        if (code == null) {
            throw new SignInFailed("the identity provider sent no authorization code", null);
        }
        JWT idToken;
        try {
            HTTPRequest request = new TokenRequest(current.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(clientId, secret),
                    new AuthorizationCodeGrant(code, redirectUri.get(), new CodeVerifier(signIn.verifier())))
                    .toHTTPRequest();
            request.setConnectTimeout(TIMEOUT_MILLIS);
            request.setReadTimeout(TIMEOUT_MILLIS);
            TokenResponse tokens = OIDCTokenResponseParser.parse(request.send());
            if (!tokens.indicatesSuccess()) {
                throw new SignInFailed("the identity provider refused the code ("
                        + tokens.toErrorResponse().getErrorObject().getCode() + ")", null);
            }
            idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
        } catch (IOException | ParseException e) {
            throw new SignInFailed("the identity provider's token endpoint failed", e);
        }
        IDTokenClaimsSet claims;
        try {
            claims = current.validator().validate(idToken, new Nonce(signIn.nonce()));
        } catch (BadJOSEException | JOSEException e) {
            throw new SignInFailed("the ID token is not valid: " + e.getMessage(), e);
        }
        if ("sub".equals(config.identityClaim())) {
            return claims.getSubject().getValue();
        }
        if (!"email".equals(config.identityClaim())) {
            // e.g. Entra ID's preferred_username, when the tenant issues no email claim
            String name = claims.getStringClaim(config.identityClaim());
            if (name == null || name.isBlank()) {
                throw new SignInFailed("the ID token carries no " + config.identityClaim() + " claim", null);
            }
            return name.trim().toLowerCase(Locale.ROOT);
        }
        Object verified = claims.getClaim("email_verified");
        String email = claims.getStringClaim("email");
        if (email == null || email.isBlank() || Boolean.FALSE.equals(verified) || "false".equals(verified)) {
            throw new SignInFailed("the identity provider did not vouch for an e-mail address", null);
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private Provider provider() throws SignInFailed {
        Provider known = provider;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (provider == null) {
                try {
                    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS,
                            TIMEOUT_MILLIS);
                    IDTokenValidator validator = new IDTokenValidator(issuer, clientId, JWSAlgorithm.RS256,
                            metadata.getJWKSetURI().toURL());
                    validator.setMaxClockSkew(60);
                    provider = new Provider(metadata, validator);
                } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
                    throw new SignInFailed("the identity provider " + issuer + " cannot be reached (discovery: "
                            + e.getMessage() + ")", e);
                }
            }
            return provider;
        }
    }

    static String newVerifier() {
        return new CodeVerifier().getValue();
    }
}
