@Configuration
@EnableWebSecurity
public class SecurityConfig {
    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http
            // ruleid: java-csrf-disabled
            .csrf(csrf -> csrf.disable())
            .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        // ruleid: java-csrf-disabled
        http.csrf(AbstractHttpConfigurer::disable);
        // ok: java-csrf-disabled
        http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));
        // ok: java-csrf-disabled
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"));
        // ok: java-csrf-disabled
        http.cors(cors -> cors.disable());
        return http.build();
    }
}

// fragment, older API, unclosed method
    protected void configure(HttpSecurity http) throws Exception {
        // ruleid: java-csrf-disabled
        http.csrf().disable().authorizeRequests().anyRequest().permitAll();
