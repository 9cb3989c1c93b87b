package dev.steward.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * security.md as code. Five filter chains: the public API (stateless HTTP Basic), the engine REST
 * API and the Camunda webapps (internal users only), Actuator (health for all, metrics for
 * administrators) and the rest (login page, pages, OpenAPI). Deny by default: a request no rule
 * names is refused.
 */
@Configuration
public class SecurityConfig {

  static final String[] INTERNAL_ROLES = {
    Role.ADMIN.name(),
    Role.RELATIONSHIP_MANAGER.name(),
    Role.QA_ANALYST.name(),
    Role.EXECUTIVE.name()
  };
  static final String[] ALL_ROLES = {
    Role.ADMIN.name(),
    Role.RELATIONSHIP_MANAGER.name(),
    Role.QA_ANALYST.name(),
    Role.EXECUTIVE.name(),
    Role.BPO_LEAD.name()
  };

  /**
   * Only the application deploys process definitions (security.md): nobody, not even an
   * administrator, uploads or redeploys one through the engine REST API or the webapps' copy of it,
   * so no model with scripts or expressions from outside reaches the engine. Camunda administrators
   * bypass the engine's authorization checks, so this is refused before the engine.
   */
  private static final RequestMatcher[] ENGINE_REST_DEPLOYMENT_UPLOADS = {
    path(HttpMethod.POST, "/engine-rest/deployment/create/**"),
    path(HttpMethod.POST, "/engine-rest/deployment/*/redeploy/**"),
    path(HttpMethod.POST, "/engine-rest/engine/*/deployment/create/**"),
    path(HttpMethod.POST, "/engine-rest/engine/*/deployment/*/redeploy/**")
  };

  private static final RequestMatcher[] WEBAPP_DEPLOYMENT_UPLOADS = {
    path(HttpMethod.POST, "/camunda/api/engine/engine/*/deployment/create/**"),
    path(HttpMethod.POST, "/camunda/api/engine/engine/*/deployment/*/redeploy/**")
  };

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** Who reads the executive dashboard (security.md): executives and the brand's RMs. */
  static final String[] DASHBOARD_ROLES = {
    Role.EXECUTIVE.name(), Role.RELATIONSHIP_MANAGER.name(), Role.ADMIN.name()
  };

  private final ObjectMapper objectMapper;
  private final List<ApiRoutes> sliceRoutes;
  private final AccountLookup accounts;

  public SecurityConfig(
      ObjectMapper objectMapper, List<ApiRoutes> sliceRoutes, AccountLookup accounts) {
    this.objectMapper = objectMapper;
    this.sliceRoutes = sliceRoutes;
    this.accounts = accounts;
  }

  /**
   * No Micrometer observation around every security filter, authentication and authorization
   * (Spring Security's default when an observation registry exists): it wrapped each of the chain's
   * filters on every request (docs/performance.md, change 6). HTTP request metrics
   * (http.server.requests) stay.
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    http.securityMatcher(path("/api/**"))
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(HttpMethod.POST, "/api/users")
                  .hasRole(Role.ADMIN.name())
                  .requestMatchers(HttpMethod.GET, "/api/me")
                  .authenticated()
                  .requestMatchers(HttpMethod.POST, "/api/vendors")
                  .hasAnyRole(Role.RELATIONSHIP_MANAGER.name(), Role.ADMIN.name())
                  .requestMatchers(
                      HttpMethod.GET, "/api/vendors", "/api/vendors/*", "/api/vendors/*/lifecycle")
                  .hasAnyRole(ALL_ROLES)
                  .requestMatchers(HttpMethod.POST, "/api/vendors/*/interactions")
                  .hasAnyRole(
                      Role.RELATIONSHIP_MANAGER.name(), Role.ADMIN.name(), Role.BPO_LEAD.name())
                  .requestMatchers(
                      HttpMethod.PUT, "/api/vendors/*/scorecard", "/api/vendors/*/contract")
                  .hasAnyRole(Role.RELATIONSHIP_MANAGER.name(), Role.ADMIN.name())
                  .requestMatchers(
                      HttpMethod.GET,
                      "/api/vendors/*/scorecard",
                      "/api/vendors/*/scorecard/definition")
                  .hasAnyRole(ALL_ROLES)
                  .requestMatchers(HttpMethod.GET, "/api/vendors/*/contract")
                  .hasAnyRole(INTERNAL_ROLES)
                  .requestMatchers(HttpMethod.POST, "/api/escalations")
                  .hasAnyRole(Role.BPO_LEAD.name(), Role.RELATIONSHIP_MANAGER.name())
                  .requestMatchers(HttpMethod.GET, "/api/escalations", "/api/escalations/*")
                  .hasAnyRole(ALL_ROLES)
                  .requestMatchers(HttpMethod.GET, "/api/tasks", "/api/tasks/*")
                  .hasAnyRole(ALL_ROLES)
                  .requestMatchers(HttpMethod.POST, "/api/tasks/*/complete")
                  .hasAnyRole(ALL_ROLES);
              // each slice opens its own endpoints; whatever no rule names stays closed
              sliceRoutes.forEach(routes -> routes.authorize(auth));
              auth.anyRequest().denyAll();
            })
        .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // stateless HTTP Basic: no cookie authenticates /api, so there is nothing for CSRF to forge
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problemEntryPoint())
                    .accessDeniedHandler(problemAccessDenied()))
        .headers(this::securityHeaders);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
    http.securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(ENGINE_REST_DEPLOYMENT_UPLOADS)
                    .denyAll()
                    .anyRequest()
                    .hasAnyRole(INTERNAL_ROLES))
        .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problemEntryPoint())
                    .accessDeniedHandler(problemAccessDenied()))
        .headers(this::securityHeaders);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain camundaWebappChain(HttpSecurity http) throws Exception {
    http.securityMatcher(path("/camunda/**"))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(WEBAPP_DEPLOYMENT_UPLOADS)
                    .denyAll()
                    .anyRequest()
                    .hasAnyRole(INTERNAL_ROLES))
        .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
        // the webapps protect their own state-changing calls with Camunda's CSRF filter
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(new RevokedAccountFilter(accounts), AnonymousAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(browserAwareEntryPoint())
                    .accessDeniedHandler(problemAccessDenied()))
        // the webapps send their own Content-Security-Policy; keep Spring's other headers
        .headers(
            h ->
                h.frameOptions(f -> f.sameOrigin())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /**
   * Actuator (operations.md): health and info for everyone (without credentials the status only;
   * details for administrators), Prometheus metrics for administrators over HTTP Basic (stateless:
   * a scraper gets no session), every other actuator endpoint closed.
   */
  @Bean
  @Order(4)
  SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
    http.securityMatcher(path("/actuator/**"))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problemEntryPoint())
                    .accessDeniedHandler(problemAccessDenied()))
        .headers(this::securityHeaders);
    return http.build();
  }

  /**
   * The application's own pages (login, executive dashboard, vendor portal) and the API
   * description. Browser sessions from the login form; CSRF on every state change; a session ends
   * on the first request after its user lost access (RevokedAccountFilter).
   */
  @Bean
  @Order(5)
  SecurityFilterChain defaultChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/login", "/error")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET, "/css/**", "/js/**", "/images/**", "/webjars/**")
                    .permitAll()
                    .requestMatchers(
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/")
                    .authenticated()
                    .requestMatchers("/dashboard", "/dashboard/**")
                    .hasAnyRole(DASHBOARD_ROLES)
                    .requestMatchers("/portal", "/portal/**")
                    .hasRole(Role.BPO_LEAD.name())
                    .anyRequest()
                    .denyAll())
        .addFilterBefore(new RevokedAccountFilter(accounts), AnonymousAuthenticationFilter.class)
        .formLogin(form -> form.loginPage("/login").permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(e -> e.accessDeniedHandler(browserAwareAccessDenied()))
        .headers(this::securityHeaders);
    return http.build();
  }

  /**
   * Plain path matching: the engine REST API and the webapps are not served by Spring MVC's
   * dispatcher.
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private void securityHeaders(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(f -> f.deny())
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
  }

  /**
   * Browsers asking for a page are sent to the login form; API clients get 401 with a problem
   * detail.
   */
  private AuthenticationEntryPoint browserAwareEntryPoint() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
    var entryPoints = new java.util.LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
    entryPoints.put(html, new LoginUrlAuthenticationEntryPoint("/login"));
    DelegatingAuthenticationEntryPoint delegating =
        new DelegatingAuthenticationEntryPoint(entryPoints);
    delegating.setDefaultEntryPoint(problemEntryPoint());
    return delegating;
  }

  /** A page a role may not open shows the 403 page; anything else gets a problem detail. */
  private AccessDeniedHandler browserAwareAccessDenied() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
    var handlers = new java.util.LinkedHashMap<RequestMatcher, AccessDeniedHandler>();
    handlers.put(html, new AccessDeniedHandlerImpl());
    return new RequestMatcherDelegatingAccessDeniedHandler(handlers, problemAccessDenied());
  }

  private AuthenticationEntryPoint problemEntryPoint() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Steward\"");
      writeProblem(
          response,
          HttpStatus.UNAUTHORIZED,
          "Unauthorized",
          "Sign in with a valid user name and password");
    };
  }

  /**
   * URLs Spring Security's firewall rejects (';', '//', encoded dots, path traversal) answer with a
   * problem detail like every other error, not with the servlet container's error page.
   */
  @Bean
  RequestRejectedHandler problemRequestRejected() {
    return (request, response, e) ->
        writeProblem(
            response, HttpStatus.BAD_REQUEST, "Bad request", "The request URL is not allowed");
  }

  private AccessDeniedHandler problemAccessDenied() {
    return (request, response, e) ->
        writeProblem(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this");
  }

  private void writeProblem(
      HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(
        response.getOutputStream(), ApiExceptionHandler.problem(status, title, detail, List.of()));
  }
}
