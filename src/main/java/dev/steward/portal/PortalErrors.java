package dev.steward.portal;

import dev.steward.platform.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal answers with pages, not problem details: an id of another vendor (or none at all)
 * shows the 404 page, as the API answers 404. Ahead of the API's handler, for the portal's
 * controllers only.
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

  @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
  ModelAndView notFound() {
    return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
  }
}
